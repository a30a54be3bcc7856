-- The same single write a progress report costs task-service, as raw SQL (pgbench -M prepared):
-- read the assignment, conditional version bump, append the report, two change-feed rows (~300-byte
-- JSON each, like the snapshots; an array because pgbench reads ":name" inside a literal as a variable).
\set n random(1, :count)
SELECT region, id FROM bench_ids WHERE n = :n \gset
BEGIN;
SELECT version FROM assignment WHERE region = :region AND id = :id \gset
UPDATE assignment SET status = 'IN_PROGRESS', version = version + 1 WHERE region = :region AND id = :id AND version = :version;
INSERT INTO progress_report (region, id, assignment_id, status, note, evidence_urls, reported_by, reported_at)
  VALUES (:region, gen_random_uuid(), :id, 'IN_PROGRESS', 'bench', '[]', 'pgbench', now());
INSERT INTO change_log (region, type, entity_id, data)
  VALUES (:region, 'ASSIGNMENT', :id, '["ASSIGNMENT","IN_PROGRESS","xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]'),
         (:region, 'REPORT', gen_random_uuid(), '["REPORT","IN_PROGRESS","xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]');
END;
