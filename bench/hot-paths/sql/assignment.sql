-- GET /assignments/{id} (AssignmentRepository.get).
\set n random(1, :n_ids)
SELECT id AS k_id FROM bench_ids WHERE n = :n \gset
select id, region, plan_id, task_id, unit_id, unit_name, role, status, active, created_on, acknowledged_on, version from assignment where region = :region and id = :k_id;
