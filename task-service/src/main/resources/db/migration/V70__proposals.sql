-- 建议提案办理 (issue 18). A session (人大/政协 会议) is a plan of kind PROPOSALS with its rules; each proposal is a
-- task (number = 提案编号, requirement = 案由) with LEAD (主办) and CO (协办) assignments, plus the rows below.

-- The session's rules: months to reply (复杂 ones longer), the 协办 opinion, 重新办理 and how often it may happen.
create table proposal_session (
    region                varchar(6) not null,
    plan_id               uuid       not null,
    body                  text       not null,
    session_name          text       not null,
    reply_months          integer    not null,
    complex_reply_months  integer    not null,
    co_opinion_months     integer    not null,
    redo_months           integer    not null,
    max_reopens           integer    not null,
    feedback_link_days    integer    not null,
    primary key (region, plan_id)
);

-- One 建议/提案. first_due: the reply's due day of the first round (on time or late is judged against it);
-- current_due: the open round's (a reopened proposal's new deadline).
create table proposal (
    region           varchar(6)  not null,
    task_id          uuid        not null,
    plan_id          uuid        not null,
    number           text        not null,
    title            text        not null,
    proposers        jsonb       not null,
    kind             text        not null,
    assigned_on      date        not null,
    complex          boolean     not null,
    lead_text        text        not null,
    co_text          text        not null,
    first_due        date        not null,
    current_due      date        not null,
    co_due           date        not null,
    provisional      boolean     not null,
    status           text        not null,
    round            integer     not null default 1,
    reopen_count     integer     not null default 0,
    reopens_allowed  integer     not null,
    version          bigint      not null default 1,
    created_at       timestamptz not null default now(),
    primary key (region, task_id),
    unique (region, plan_id, number)
);

-- 答复 of the 主办 unit, one per round, append-only.
create table proposal_reply (
    region         varchar(6)  not null,
    id             uuid        not null,
    task_id        uuid        not null,
    round          integer     not null,
    body           text        not null,
    outcome        char(1)     not null,
    consultation   text        not null,
    consulted_on   date,
    signer         text        not null,
    contact_name   text        not null,
    contact_phone  text        not null,
    doc_number     text,
    addressee      text,
    cc             text,
    issuer         text,
    plan_text      text,
    promised_on    date,
    replied_on     date        not null,
    due_on         date        not null,
    recorded_by    text        not null,
    recorded_at    timestamptz not null,
    primary key (region, id),
    unique (region, task_id, round)
);

-- 反馈表, one per round, by the office or through a one-time link.
create table proposal_feedback (
    region        varchar(6)  not null,
    id            uuid        not null,
    task_id       uuid        not null,
    round         integer     not null,
    satisfaction  text        not null,
    relevance     text        not null,
    consultation  text        not null,
    opinion       text,
    received_on   date        not null,
    via           text        not null,
    recorded_by   text        not null,
    recorded_at   timestamptz not null,
    primary key (region, id),
    unique (region, task_id, round)
);

-- One-time feedback links: only a hash of the random token is kept.
create table proposal_feedback_link (
    region      varchar(6)  not null,
    token_hash  text        not null,
    task_id     uuid        not null,
    round       integer     not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    primary key (region, token_hash)
);

-- 提案质量评议表 by the 承办单位; the latest counts.
create table proposal_evaluation (
    region         varchar(6)  not null,
    id             uuid        not null,
    task_id        uuid        not null,
    topic          integer     not null,
    analysis       integer     not null,
    feasibility    integer     not null,
    expression     integer     not null,
    excellent      boolean     not null,
    comment        text,
    recorded_by    text        not null,
    recorded_at    timestamptz not null,
    primary key (region, id)
);
create index proposal_evaluation_task on proposal_evaluation (region, task_id, recorded_at);

-- 协办意见: a CO unit's opinion sent to the 主办 unit.
create table proposal_co_opinion (
    region       varchar(6)  not null,
    id           uuid        not null,
    task_id      uuid        not null,
    unit_id      uuid        not null,
    unit_name    text        not null,
    body         text        not null,
    sent_on      date        not null,
    recorded_by  text        not null,
    recorded_at  timestamptz not null,
    primary key (region, id)
);
create index proposal_co_opinion_task on proposal_co_opinion (region, task_id);
