-- 建议提案办理 (issue 18): task-service's PROPOSAL snapshots, one row per 建议/提案 (id = its task's). The 考核's
-- proposals part and the dashboard's proposals block read it with the task's LEAD/CO assignments and the session plan.
CREATE TABLE proposal (
    region            varchar(6) NOT NULL,
    id                uuid       NOT NULL,
    plan_id           uuid       NOT NULL,
    number            text,
    kind              text,
    assigned_on       date,
    first_due         date,
    current_due       date,
    status            text,
    round             integer,
    reopen_count      integer,
    first_replied_on  date,
    outcome           text,
    satisfaction      text,
    version           bigint,
    PRIMARY KEY (region, id)
);
CREATE INDEX proposal_plan ON proposal (region, plan_id);
