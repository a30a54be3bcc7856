-- A measure's printed number in a document (1, （三）) and a note on the task taken from its 责任单位
-- text ("涉密信息除外"): both as written, for people; nothing computes with them.
alter table task add column number text;
alter table task add column note text;
