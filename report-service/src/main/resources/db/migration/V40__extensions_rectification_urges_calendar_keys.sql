-- issue 14: deadlines negotiated and chased. 延期申请 and granted extensions, 整改/复核/销号 of findings,
-- 催办 with receipts, per-unit calendar keys, the region's 督办 settings and Idempotency-Keys of creations.

-- The region's 督办 settings (defaults apply while no row exists).
CREATE TABLE supervision_settings (
    region                varchar(6)  NOT NULL PRIMARY KEY,
    max_extensions        integer     NOT NULL,
    rectify_working_days  integer     NOT NULL,
    urge_report_threshold integer     NOT NULL,
    version               bigint      NOT NULL DEFAULT 1,
    updated_by            text,
    updated_at            timestamptz NOT NULL DEFAULT now()
);

-- The due date as derived from the facts; due_on is the one in force (moved by the latest extension).
ALTER TABLE obligation ADD COLUMN original_due_on date;
UPDATE obligation SET original_due_on = due_on;

-- A unit asks to move one obligation's due date; decided once by the supervisor (who, when, why).
CREATE TABLE extension_request (
    region           varchar(6)  NOT NULL,
    id               uuid        NOT NULL,
    obligation_id    uuid        NOT NULL,
    task_id          uuid,
    unit_id          text        NOT NULL,
    unit_name        text,
    due_on           date        NOT NULL,        -- the due date in force when asked
    requested_due_on date        NOT NULL,
    reason           text        NOT NULL,
    requested_by     text        NOT NULL,
    requested_at     timestamptz NOT NULL DEFAULT now(),
    status           text        NOT NULL DEFAULT 'PENDING',   -- PENDING | APPROVED | REJECTED
    version          bigint      NOT NULL DEFAULT 1,
    decided_by       text,
    decided_at       timestamptz,
    decision_comment text,
    approved_due_on  date,
    PRIMARY KEY (region, id)
);
CREATE INDEX extension_request_list ON extension_request (region, status, requested_at);

-- Granted extensions, append-only: an approved request or the supervisor's direct extension. The latest one
-- (by seq) of an obligation is its due date in force; it outlives re-derivation because ids are stable.
CREATE TABLE obligation_extension (
    region          varchar(6)  NOT NULL,
    id              uuid        NOT NULL,
    seq             bigint      GENERATED ALWAYS AS IDENTITY,
    obligation_id   uuid        NOT NULL,
    task_id         uuid,
    unit_id         text,
    unit_name       text,
    request_id      uuid,
    previous_due_on date        NOT NULL,
    due_on          date        NOT NULL,
    reason          text        NOT NULL,
    granted_by      text        NOT NULL,
    granted_on      date        NOT NULL,        -- the day in Asia/Shanghai (the service's "today")
    granted_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region, id)
);
CREATE INDEX obligation_extension_obligation ON obligation_extension (region, obligation_id, seq);
CREATE INDEX obligation_extension_task ON obligation_extension (region, task_id);
CREATE UNIQUE INDEX obligation_extension_request ON obligation_extension (region, request_id) WHERE request_id IS NOT NULL;

-- Idempotency-Key of a creating POST: the request's hash and what it created.
CREATE TABLE creation_key (
    region       varchar(6)  NOT NULL,
    scope        text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    resource_id  uuid        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region, scope, key)
);

-- 整改: a finding's deadline and state. rectification_state is the current state of the loop
-- (OPEN | RECTIFIED | CLOSED | NOT_REQUIRED); the facts behind it are the two tables below.
ALTER TABLE finding ADD COLUMN rectify_by date;
ALTER TABLE finding ADD COLUMN rectification_state text NOT NULL DEFAULT 'OPEN';
ALTER TABLE finding ADD COLUMN rectification_version bigint NOT NULL DEFAULT 1;
-- findings recorded before: 10 working days after found_on on the calendar in use (when it covers them)
UPDATE finding f SET rectify_by = (SELECT min(c.day) FROM calendar_day c JOIN calendar_day s ON s.day = f.found_on
                                   WHERE c.workday AND c.workday_seq = s.workday_seq + 10);
CREATE INDEX finding_rectify_by ON finding (region, rectify_by) WHERE rectification_state IN ('OPEN', 'RECTIFIED');

CREATE TABLE finding_rectification (
    region        varchar(6)  NOT NULL,
    id            uuid        NOT NULL,
    finding_id    uuid        NOT NULL,
    note          text        NOT NULL,
    evidence_urls jsonb       NOT NULL,
    rectified_on  date        NOT NULL,
    reported_by   text        NOT NULL,
    reported_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region, id)
);
CREATE INDEX finding_rectification_finding ON finding_rectification (region, finding_id, reported_at);

CREATE TABLE finding_verification (
    region            varchar(6)  NOT NULL,
    id                uuid        NOT NULL,
    finding_id        uuid        NOT NULL,
    rectification_id  uuid        NOT NULL,
    decision          text        NOT NULL,     -- PASS | FAIL
    comment           text        NOT NULL,
    verified_by       text        NOT NULL,
    verified_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region, id)
);
CREATE UNIQUE INDEX finding_verification_once ON finding_verification (region, rectification_id);

-- 催办: the supervisor chases a unit; the alert (kind URGE) has the urge's id. One urge per unit per item per
-- working day: urge_item's key refuses the second.
CREATE TABLE urge (
    region     varchar(6)  NOT NULL,
    id         uuid        NOT NULL,
    unit_id    text        NOT NULL,
    unit_name  text,
    urge_day   date        NOT NULL,
    message    text,
    items      jsonb       NOT NULL,
    sent_by    text        NOT NULL,
    sent_at    timestamptz NOT NULL DEFAULT now(),
    read_by    text,
    read_at    timestamptz,
    PRIMARY KEY (region, id)
);
CREATE INDEX urge_unit ON urge (region, unit_id, sent_at);

CREATE TABLE urge_item (
    region    varchar(6) NOT NULL,
    unit_id   text       NOT NULL,
    urge_day  date       NOT NULL,
    item_kind text       NOT NULL,              -- OBLIGATION | FINDING
    item_id   uuid       NOT NULL,
    urge_id   uuid       NOT NULL,
    PRIMARY KEY (region, unit_id, urge_day, item_kind, item_id)
);

-- The read-only key of a unit's calendar subscription (only its hash is kept).
CREATE TABLE calendar_key (
    region     varchar(6)  NOT NULL,
    unit_id    text        NOT NULL,
    key_hash   text        NOT NULL,
    rotated_by text        NOT NULL,
    rotated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region, unit_id)
);
