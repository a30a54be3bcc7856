-- GET /assignments?size=50&page=1…400 (numbered, with total): the page by OFFSET and the count over the region,
-- which the service runs side by side on two connections.
\set p random(1, 400)
\set off (:p - 1) * 50
select id, region, plan_id, task_id, unit_id, unit_name, role, status, active, created_on, acknowledged_on, version, seq, role_rank from assignment a where a.region = :region and a.active order by a.plan_id, a.seq, a.role_rank, a.unit_name, a.id limit 51 offset :off;
select count(*) from assignment a where a.region = :region and a.active;
