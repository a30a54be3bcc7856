-- A rebuild marks itself here so that a second one (on any replica) refuses to start while it runs.
-- A mark older than the configured limit is taken to be left by a crashed replica.
ALTER TABLE projection_cursor ADD COLUMN rebuild_started_at timestamptz;
