-- GET /assignments?planId=…&size=50&after=… as AssignmentRepository.list runs it (no total); the first line picks
-- a random page boundary (the load driver picks a random cursor of the same boundaries).
\set n random(1, :n_plan)
SELECT plan_id AS k_plan, seq AS k_seq, role_rank AS k_rank, unit_name AS k_name, id AS k_id FROM bench_plan_pos WHERE n = :n \gset
select id, region, plan_id, task_id, unit_id, unit_name, role, status, active, created_on, acknowledged_on, version, seq, role_rank from assignment a where a.region = :region and a.plan_id = :k_plan and a.active and (a.plan_id, a.seq, a.role_rank, a.unit_name, a.id) > (:k_plan, :k_seq, :k_rank, :k_name, :k_id) order by a.plan_id, a.seq, a.role_rank, a.unit_name, a.id limit 51;
