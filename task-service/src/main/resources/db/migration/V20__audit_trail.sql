-- The audit trail (安全审计, issue 16): every write, sign-in, token refusal and document export, one row each.
-- Rows are inserted unlinked (seq, prev_hash and hash null) inside the writing transaction, with a bigserial id and
-- that transaction's xid8; the sealer (io.duban.common.audit.AuditLog.seal) links them per region in (tx, id) order
-- below the commit horizon, as the change feed is read. One chain per region; audit_chain holds each chain's head.
-- Never updated once sealed, never deleted but by the retention job (a prefix of each chain, with a record of it).
create table audit_record (
    region       varchar(6)    not null,
    id           bigserial     not null,
    tx           xid8          not null default pg_current_xact_id(),
    at           timestamptz   not null default now(),
    actor        varchar(100)  not null,
    actor_role   varchar(40),
    actor_unit   varchar(64),
    source       varchar(64),
    method       varchar(10)   not null,
    route        varchar(300)  not null,
    resources    varchar(400),
    status       integer       not null,
    body_sha256  varchar(64),
    event        varchar(200),
    seq          bigint,
    prev_hash    varchar(64),
    hash         varchar(64),
    primary key (region, id)
);
create unique index audit_record_chain on audit_record (region, seq);
create index audit_record_unsealed on audit_record (tx, id) where hash is null;
create index audit_record_by_time on audit_record (region, at);

create table audit_chain (
    region  varchar(6)   primary key,
    seq     bigint       not null,
    hash    varchar(64)  not null
);
