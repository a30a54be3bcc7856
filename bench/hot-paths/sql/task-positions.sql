-- Page boundaries of the assignment lists as rows, for pgbench to pick a random page the way the load driver
-- picks a random cursor: the key of every 50th row of each list, in the lists' order (AssignmentRepository.list).
DROP TABLE IF EXISTS bench_plan_pos, bench_unit_pos, bench_ids;
CREATE TABLE bench_plan_pos AS
SELECT row_number() OVER () AS n, plan_id, seq, role_rank, unit_name, id FROM (
  SELECT plan_id, seq, role_rank, unit_name, id,
         row_number() OVER (PARTITION BY plan_id ORDER BY seq, role_rank, unit_name, id) AS rn
    FROM assignment WHERE region = '370399' AND active) x
 WHERE rn % 50 = 0;
CREATE TABLE bench_unit_pos AS
SELECT row_number() OVER () AS n, unit_id, plan_id, seq, role_rank, unit_name, id FROM (
  SELECT unit_id, plan_id, seq, role_rank, unit_name, id,
         row_number() OVER (PARTITION BY unit_id ORDER BY plan_id, seq, role_rank, unit_name, id) AS rn
    FROM assignment WHERE region = '370399' AND active) x
 WHERE rn % 50 = 0;
CREATE TABLE bench_ids AS SELECT row_number() OVER () AS n, id FROM assignment WHERE region = '370399' AND active;
ALTER TABLE bench_plan_pos ADD PRIMARY KEY (n);
ALTER TABLE bench_unit_pos ADD PRIMARY KEY (n);
ALTER TABLE bench_ids ADD PRIMARY KEY (n);
