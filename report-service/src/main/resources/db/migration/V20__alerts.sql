-- 临期/逾期 alerts (issue 7).

-- A region's webhook channels as one document: {"default":{url,format,secret},"supervisor":{…},"units":{id:{…}}}.
-- One row per region so a PUT replaces the whole set under one version (ETag / If-Match).
CREATE TABLE alert_channels (
    region     varchar(6)  NOT NULL PRIMARY KEY,
    config     jsonb       NOT NULL,
    version    bigint      NOT NULL,
    updated_by text,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The outbox: one row per (region, unit, day, kind), its id a name-based UUID of those, written
-- in the transaction that decides it; the delivery worker claims due PENDING rows with SKIP LOCKED.
CREATE TABLE alert (
    region          varchar(6)  NOT NULL,
    id              uuid        NOT NULL,
    alert_date      date        NOT NULL,
    unit_id         text        NOT NULL,
    unit_name       text,
    kind            text        NOT NULL,          -- DUE_SOON | OVERDUE | ESCALATION
    items           jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING',   -- PENDING | SENT | FAILED
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    channel         text,                          -- the channel of the last attempt: default | supervisor | unit:<id>
    format          text,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_attempt_at timestamptz,
    sent_at         timestamptz,
    PRIMARY KEY (region, id)
);
CREATE INDEX alert_pending ON alert (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX alert_by_day ON alert (region, alert_date, unit_id);
