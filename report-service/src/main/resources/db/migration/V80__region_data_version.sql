-- A version per region that moves whenever anything a dashboard counts is written, so a computed dashboard can be
-- cached per (region, parameters, version). Bumped by statement-level triggers (one row update per statement and
-- region, not per row), in the writing transaction: a reader that sees the new version also sees the data.
-- Region '*' is bumped by writes to shared tables (the calendar) and by TRUNCATE; readers add both.
CREATE TABLE region_data_version (
    region  text PRIMARY KEY,
    version bigint NOT NULL
);

CREATE FUNCTION bump_region_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_ARGV[0] = 'shared' OR TG_OP = 'TRUNCATE' THEN
        INSERT INTO region_data_version VALUES ('*', 1)
        ON CONFLICT (region) DO UPDATE SET version = region_data_version.version + 1;
    ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO region_data_version SELECT r.region, 1 FROM (SELECT DISTINCT region FROM new_rows) r ORDER BY 1
        ON CONFLICT (region) DO UPDATE SET version = region_data_version.version + 1;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO region_data_version SELECT r.region, 1 FROM (SELECT DISTINCT region FROM old_rows) r ORDER BY 1
        ON CONFLICT (region) DO UPDATE SET version = region_data_version.version + 1;
    ELSE
        INSERT INTO region_data_version
        SELECT r.region, 1 FROM (SELECT region FROM new_rows UNION SELECT region FROM old_rows) r ORDER BY 1
        ON CONFLICT (region) DO UPDATE SET version = region_data_version.version + 1;
    END IF;
    RETURN NULL;
END $$;

-- Every table a dashboard, county dashboard or overdue summary reads, and every table that feeds them. Not here (no
-- dashboard number depends on them): alert, alert_channels, assessment, assessment_scheme, bulletin, calendar_key,
-- creation_key, projection_cursor, projection_quarantine, audit_chain, audit_record, region_data_version.
-- A new table that a dashboard reads must be added (DataVersionTriggersTest lists the exceptions).
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['acknowledgement', 'assignment', 'completion_review', 'dispute', 'extension_request',
            'finding', 'finding_rectification', 'finding_request', 'finding_verification', 'ledger_entry',
            'ledger_submission', 'obligation', 'obligation_extension', 'plan', 'progress_report', 'proposal', 'region_profile',
            'region_settings', 'supervision_settings', 'task', 'trigger_event', 'urge', 'urge_item'] LOOP
        EXECUTE format('CREATE TRIGGER data_version_ins AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION bump_region_data_version(''region'')', t);
        EXECUTE format('CREATE TRIGGER data_version_upd AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows'
                       ' NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_region_data_version(''region'')', t);
        EXECUTE format('CREATE TRIGGER data_version_del AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION bump_region_data_version(''region'')', t);
        EXECUTE format('CREATE TRIGGER data_version_trunc AFTER TRUNCATE ON %I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION bump_region_data_version(''region'')', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['calendar_day', 'calendar_year'] LOOP
        EXECUTE format('CREATE TRIGGER data_version_all AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION bump_region_data_version(''shared'')', t);
    END LOOP;
END $$;
