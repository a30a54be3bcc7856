-- task-service schema. Every key starts with region (ready for Citus, distributed by region).

create table plan (
    region      varchar(6)  not null,
    id          uuid        not null,
    title       text        not null,
    doc_number  text,
    issued_on   date,
    year        integer     not null,
    kind        text        not null,
    version     bigint      not null default 1,
    created_at  timestamptz not null default now(),
    primary key (region, id)
);

-- One row of a 任务分解表. review: the entries a supervisor must look at (unparsed 时限,
-- unknown units, undesignated groups); designated: units the supervisor named for them.
create table task (
    region            varchar(6) not null,
    id                uuid       not null,
    plan_id           uuid       not null,
    seq               integer    not null,
    category          jsonb      not null,
    requirement       text       not null,
    responsible_text  text       not null,
    deadline_text     text       not null,
    deadline          jsonb      not null,
    review            jsonb      not null default '[]',
    designated        jsonb      not null default '[]',
    version           bigint     not null default 1,
    primary key (region, id),
    unique (region, plan_id, seq)
);

-- 责任分解: task × unit × role. Never deleted; re-derivation sets active = false.
create table assignment (
    region     varchar(6) not null,
    id         uuid       not null,
    plan_id    uuid       not null,
    task_id    uuid       not null,
    unit_id    uuid       not null,
    unit_name  text       not null,
    role       text       not null,
    status     text       not null default 'NOT_STARTED',
    active     boolean    not null default true,
    version    bigint     not null default 1,
    primary key (region, id)
);
create index assignment_task on assignment (region, task_id);
create index assignment_unit on assignment (region, unit_id, plan_id);
create index assignment_plan on assignment (region, plan_id);

-- 触发事件, append-only.
create table trigger_event (
    region         varchar(6)  not null,
    id             uuid        not null,
    assignment_id  uuid        not null,
    trigger        text        not null,
    occurred_on    date        not null,
    occurred_at    timestamptz,
    title          text        not null,
    recorded_by    text        not null,
    recorded_at    timestamptz not null,
    primary key (region, id)
);
create index trigger_event_assignment on trigger_event (region, assignment_id, recorded_at);

-- 进展报告, append-only.
create table progress_report (
    region         varchar(6)  not null,
    id             uuid        not null,
    assignment_id  uuid        not null,
    status         text        not null,
    note           text,
    evidence_urls  jsonb       not null default '[]',
    completed_on   date,
    event_id       uuid,
    reported_by    text        not null,
    reported_at    timestamptz not null,
    primary key (region, id)
);
create index progress_report_assignment on progress_report (region, assignment_id, reported_at);

-- Idempotency-Key of fact-creating POSTs: the first successful response, kept with a hash of
-- the request so a retry with another body is told apart (422).
create table idempotency_key (
    region        varchar(6)  not null,
    key           text        not null,
    request_hash  text        not null,
    status        integer,
    body          text,
    created_at    timestamptz not null default now(),
    primary key (region, key)
);

-- The change feed. Written in the same transaction as the fact. Readers only see rows whose
-- txid is below the oldest transaction still running, so a transaction that commits late can
-- never land behind a cursor already handed out.
create table change_log (
    txid       xid8        not null default pg_current_xact_id(),
    id         bigserial   not null,
    region     varchar(6)  not null,
    type       text        not null,
    entity_id  uuid        not null,
    data       jsonb       not null,
    logged_at  timestamptz not null default now(),
    primary key (region, id)
);
create index change_log_order on change_log (txid, id);
