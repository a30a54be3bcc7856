-- Idempotency-Key of POST /findings: a retry with the same key and body returns the first finding;
-- the same key with another body is refused (422).
CREATE TABLE finding_request (
    region       varchar(6)  NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    finding_id   uuid        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region, key)
);
