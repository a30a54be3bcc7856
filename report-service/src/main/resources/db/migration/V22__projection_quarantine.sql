-- Changes of the feed the projection could not apply. Each is kept with its error so that one bad change
-- does not halt the follower for every region; an operator re-applies them after the fix. seq keeps the
-- feed order (the cursor is opaque text and must not be sorted).
CREATE TABLE projection_quarantine (
    seq            bigserial   NOT NULL UNIQUE,
    cursor         text        PRIMARY KEY,
    region         text,
    type           text,
    entity_id      text,
    data           jsonb,
    error          text        NOT NULL,
    attempts       integer     NOT NULL DEFAULT 1,
    quarantined_at timestamptz NOT NULL DEFAULT now(),
    last_attempt_at timestamptz NOT NULL DEFAULT now(),
    reapplied_at   timestamptz
);
CREATE INDEX projection_quarantine_pending ON projection_quarantine (seq) WHERE reapplied_at IS NULL;
