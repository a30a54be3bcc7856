-- An assignment's life (issue 13): the projection of 签收, 申诉, 办结审核 and 工作台账 facts, and what
-- the obligations need of them.

ALTER TABLE assignment ADD COLUMN created_on date;
ALTER TABLE assignment ADD COLUMN acknowledged_on date;
ALTER TABLE plan ADD COLUMN ledger_due_on date;
ALTER TABLE progress_report ADD COLUMN review_required boolean NOT NULL DEFAULT false;

-- A completion reported under 办结审核 and not yet decided: neither overdue nor done (status PENDING_REVIEW).
ALTER TABLE obligation ADD COLUMN pending_review_on date;

CREATE TABLE region_settings (
    region            varchar(6) NOT NULL,
    id                uuid       NOT NULL,
    ack_working_days  integer    NOT NULL,
    completion_review text       NOT NULL,
    version           bigint,
    PRIMARY KEY (region, id)
);

CREATE TABLE acknowledgement (
    region          varchar(6) NOT NULL,
    id              uuid       NOT NULL,
    assignment_id   uuid       NOT NULL,
    unit_id         text,
    via             text,
    acknowledged_on date,
    acknowledged_by text,
    acknowledged_at timestamptz,
    PRIMARY KEY (region, id)
);

CREATE TABLE dispute (
    region              varchar(6) NOT NULL,
    id                  uuid       NOT NULL,
    assignment_id       uuid       NOT NULL,
    task_id             uuid,
    unit_id             text,
    reason              text,
    status              text       NOT NULL,
    raised_by           text,
    raised_at           timestamptz,
    comment             text,
    designated_unit_ids jsonb,
    decided_by          text,
    decided_at          timestamptz,
    version             bigint,
    PRIMARY KEY (region, id)
);
CREATE INDEX dispute_open ON dispute (region, unit_id) WHERE status = 'OPEN';

CREATE TABLE completion_review (
    region        varchar(6) NOT NULL,
    id            uuid       NOT NULL,
    assignment_id uuid       NOT NULL,
    report_id     uuid       NOT NULL,
    decision      text       NOT NULL,
    comment       text,
    completed_on  date,
    reviewed_by   text,
    reviewed_at   timestamptz,
    PRIMARY KEY (region, id)
);
CREATE INDEX completion_review_report ON completion_review (region, report_id);
CREATE INDEX completion_review_assignment ON completion_review (region, assignment_id);

CREATE TABLE ledger_entry (
    region           varchar(6) NOT NULL,
    id               uuid       NOT NULL,
    assignment_id    uuid       NOT NULL,
    plan_id          uuid,
    unit_id          text,
    office           text,
    owner            text,
    owner_phone      text,
    measures         text,
    planned_on       date,
    after_submission boolean,
    updated_by       text,
    updated_at       timestamptz,
    version          bigint,
    PRIMARY KEY (region, id)
);

CREATE TABLE ledger_submission (
    region       varchar(6) NOT NULL,
    id           uuid       NOT NULL,
    plan_id      uuid       NOT NULL,
    unit_id      text,
    submitted_on date,
    submitted_by text,
    submitted_at timestamptz,
    PRIMARY KEY (region, id)
);
CREATE INDEX ledger_submission_unit ON ledger_submission (region, plan_id, unit_id);

-- The judgement reads pending_review_on too: keep the aggregates index-only (see V2).
DROP INDEX obligation_due;
CREATE INDEX obligation_due ON obligation (region, due_on) INCLUDE (completed_on, pending_review_on, unit_id, unit_name, plan_id, provisional);

-- The 签收 window's last day is "the working day N after the creation day": looked up by running count.
CREATE INDEX calendar_day_workday_seq ON calendar_day (workday_seq) WHERE workday;
