-- report-service's own copy of task-service's facts (the projection), the obligations derived
-- from them, and the working-day calendar. Every tenant table carries region and every key
-- starts with it (ready for Citus, distributed by region). The calendar tables and the cursor
-- are global reference data (Citus reference tables), not tenant data.

CREATE TABLE plan (
    region      varchar(6)  NOT NULL,
    id          uuid        NOT NULL,
    title       text,
    doc_number  text,
    issued_on   date,
    year        integer,
    kind        text,
    version     bigint,
    PRIMARY KEY (region, id)
);

CREATE TABLE task (
    region           varchar(6) NOT NULL,
    id               uuid       NOT NULL,
    plan_id          uuid       NOT NULL,
    seq              integer,
    category         jsonb,
    requirement      text,
    responsible_text text,
    deadline_text    text,
    deadline         jsonb,
    deadline_kind    text,
    needs_review     boolean    NOT NULL DEFAULT false,
    version          bigint,
    PRIMARY KEY (region, id)
);
CREATE INDEX task_plan ON task (region, plan_id);

CREATE TABLE assignment (
    region     varchar(6) NOT NULL,
    id         uuid       NOT NULL,
    plan_id    uuid,
    task_id    uuid       NOT NULL,
    unit_id    text,
    unit_name  text,
    role       text       NOT NULL,
    status     text,
    active     boolean    NOT NULL DEFAULT true,
    version    bigint,
    PRIMARY KEY (region, id)
);
CREATE INDEX assignment_task ON assignment (region, task_id);

-- 进展报告, append-only in task-service; here a copy keyed by id.
CREATE TABLE progress_report (
    region        varchar(6) NOT NULL,
    id            uuid       NOT NULL,
    assignment_id uuid       NOT NULL,
    status        text,
    note          text,
    completed_on  date,
    event_id      uuid,
    reported_by   text,
    reported_at   timestamptz,
    PRIMARY KEY (region, id)
);
CREATE INDEX progress_report_assignment ON progress_report (region, assignment_id);

-- 触发事件
CREATE TABLE trigger_event (
    region        varchar(6) NOT NULL,
    id            uuid       NOT NULL,
    assignment_id uuid       NOT NULL,
    trigger       text,
    occurred_on   date,
    occurred_at   timestamptz,
    title         text,
    recorded_by   text,
    recorded_at   timestamptz,
    PRIMARY KEY (region, id)
);
CREATE INDEX trigger_event_assignment ON trigger_event (region, assignment_id);

-- Where the follower is in the feed. Written in the same transaction as the applied batch.
CREATE TABLE projection_cursor (
    name            text PRIMARY KEY,
    cursor          text,
    applied_total   bigint      NOT NULL DEFAULT 0,
    has_more        boolean     NOT NULL DEFAULT false,
    last_success_at timestamptz,
    last_error      text,
    last_error_at   timestamptz
);
INSERT INTO projection_cursor (name) VALUES ('task-feed');

-- 应办事项: one dated duty of an assignment. The id is derived from (region, key) so it stays
-- stable across re-derivation and projection rebuilds.
CREATE TABLE obligation (
    region        varchar(6)  NOT NULL,
    id            uuid        NOT NULL,
    key           text        NOT NULL,
    plan_id       uuid        NOT NULL,
    task_id       uuid        NOT NULL,
    assignment_id uuid        NOT NULL,
    unit_id       text,
    unit_name     text,
    role          text        NOT NULL,
    kind          text        NOT NULL,          -- FIXED | RELATIVE | RECURRING
    event_id      uuid,
    anchor_on     date,                          -- start of a RELATIVE period (not counted)
    anchor_at     timestamp,                     -- for HOUR periods, local time
    period_amount integer,
    period_unit   text,
    due_on        date        NOT NULL,
    due_at        timestamp,
    provisional   boolean     NOT NULL DEFAULT false,
    completed_on  date,
    rule_text     text        NOT NULL,
    PRIMARY KEY (region, id),
    UNIQUE (region, key)
);
CREATE INDEX obligation_due ON obligation (region, due_on);
CREATE INDEX obligation_unit ON obligation (region, unit_id);
CREATE INDEX obligation_task ON obligation (region, task_id);
-- recomputation after a calendar upload touches only calendar-dependent RELATIVE rows
CREATE INDEX obligation_relative_anchor ON obligation (anchor_on) WHERE kind = 'RELATIVE';

-- Years uploaded at run time (replace the bundled schedule of that year).
CREATE TABLE calendar_year (
    year        integer PRIMARY KEY,
    schedule    jsonb       NOT NULL,
    uploaded_by text,
    uploaded_at timestamptz NOT NULL DEFAULT now()
);

-- One row per day with the running count of working days up to and including it, so that
-- "working days late" is a subtraction in SQL. Rebuilt from the calendar in use.
CREATE TABLE calendar_day (
    day         date    PRIMARY KEY,
    workday     boolean NOT NULL,
    workday_seq integer NOT NULL
);
