-- An assignment's life (issue 13): 签收, 申诉, 办结审核 with 退回, and each unit's 工作台账.

-- A new assignment waits to be signed for (PENDING_ACK). created_on starts the 签收 window
-- (Asia/Shanghai day); acknowledged_on is set by the acknowledgement or the first report.
-- Existing rows were created before signing existed: they count as signed on their creation day.
alter table assignment add column created_on date not null default (now() at time zone 'Asia/Shanghai')::date;
alter table assignment add column acknowledged_on date;
update assignment set acknowledged_on = created_on;
alter table assignment alter column status set default 'PENDING_ACK';
create index assignment_pending_review on assignment (region, status) where status = 'PENDING_REVIEW';

-- A DONE report made while the region reviews completions counts only once accepted.
alter table progress_report add column review_required boolean not null default false;

-- A region's settings of the assignment's life; a region without a row has the defaults (3, OFF).
create table region_settings (
    region             varchar(6) not null primary key,
    ack_working_days   integer    not null,
    completion_review  text       not null,
    version            bigint     not null
);

create table acknowledgement (
    region           varchar(6)  not null,
    id               uuid        not null,
    assignment_id    uuid        not null,
    unit_id          uuid        not null,
    via              text        not null,
    acknowledged_on  date        not null,
    acknowledged_by  text        not null,
    acknowledged_at  timestamptz not null,
    primary key (region, id),
    unique (region, assignment_id)
);

-- 申诉: at most one OPEN per assignment (the partial unique index decides between racing units).
create table dispute (
    region        varchar(6)  not null,
    id            uuid        not null,
    assignment_id uuid        not null,
    task_id       uuid        not null,
    unit_id       uuid        not null,
    reason        text        not null,
    status        text        not null,
    raised_by     text        not null,
    raised_at     timestamptz not null,
    comment       text,
    designated    jsonb       not null default '[]',
    decided_by    text,
    decided_at    timestamptz,
    version       bigint      not null default 1,
    primary key (region, id)
);
create unique index dispute_one_open on dispute (region, assignment_id) where status = 'OPEN';
create index dispute_status on dispute (region, status, raised_at);

-- 办结审核, append-only.
create table completion_review (
    region        varchar(6)  not null,
    id            uuid        not null,
    assignment_id uuid        not null,
    report_id     uuid        not null,
    decision      text        not null,
    comment       text,
    completed_on  date,
    reviewed_by   text        not null,
    reviewed_at   timestamptz not null,
    primary key (region, id)
);
create index completion_review_assignment on completion_review (region, assignment_id, reviewed_at);

-- 工作台账: the current entry per assignment, and every version in ledger_entry_version.
alter table plan add column ledger_due_on date;

create table ledger_entry (
    region           varchar(6)  not null,
    id               uuid        not null,
    assignment_id    uuid        not null,
    plan_id          uuid        not null,
    unit_id          uuid        not null,
    office           text        not null,
    owner            text        not null,
    owner_phone      text,
    measures         text        not null,
    planned_on       date        not null,
    after_submission boolean     not null,
    updated_by       text        not null,
    updated_at       timestamptz not null,
    version          bigint      not null,
    primary key (region, id),
    unique (region, assignment_id)
);
create index ledger_entry_unit on ledger_entry (region, plan_id, unit_id);

create table ledger_entry_version (
    region           varchar(6)  not null,
    entry_id         uuid        not null,
    version          bigint      not null,
    data             jsonb       not null,
    primary key (region, entry_id, version)
);

create table ledger_submission (
    region        varchar(6)  not null,
    id            uuid        not null,
    plan_id       uuid        not null,
    unit_id       uuid        not null,
    submitted_on  date        not null,
    submitted_by  text        not null,
    submitted_at  timestamptz not null,
    primary key (region, id)
);
create index ledger_submission_unit on ledger_submission (region, plan_id, unit_id, submitted_at);
