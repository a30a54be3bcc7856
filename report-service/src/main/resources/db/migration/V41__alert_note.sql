-- issue 14: a 催办 alert carries the supervisor's message (the daily alerts have none).
ALTER TABLE alert ADD COLUMN note text;
