-- The assignment list is ordered by the task's 序号, then 牵头 before 配合 before 负责, then unit
-- name. Copies of seq and of the role's rank on the assignment let an index serve "page N of a
-- region's (or a unit's) assignments" without joining and sorting every row on each request.
alter table assignment add column seq integer;
update assignment a set seq = t.seq from task t where t.region = a.region and t.id = a.task_id;
alter table assignment alter column seq set not null;
alter table assignment add column role_rank smallint
    generated always as (case role when 'LEAD' then 0 when 'CO' then 1 else 2 end) stored;
create index assignment_list on assignment (region, plan_id, seq, role_rank, unit_name, id);
create index assignment_unit_list on assignment (region, unit_id, plan_id, seq, role_rank, unit_name, id);
