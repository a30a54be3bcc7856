-- GET /assignments?unitId=…&size=50&after=… as AssignmentRepository.list runs it (no total).
\set n random(1, :n_unit)
SELECT unit_id AS k_unit, plan_id AS k_plan, seq AS k_seq, role_rank AS k_rank, unit_name AS k_name, id AS k_id FROM bench_unit_pos WHERE n = :n \gset
select id, region, plan_id, task_id, unit_id, unit_name, role, status, active, created_on, acknowledged_on, version, seq, role_rank from assignment a where a.region = :region and a.unit_id = :k_unit and a.active and (a.plan_id, a.seq, a.role_rank, a.unit_name, a.id) > (:k_plan, :k_seq, :k_rank, :k_name, :k_id) order by a.plan_id, a.seq, a.role_rank, a.unit_name, a.id limit 51;
