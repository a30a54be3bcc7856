-- Page boundaries of /obligations and /overdue as rows (the key of every 50th row in ObligationQueries.BY_DUE
-- order), for pgbench to pick a random page the way the load driver picks a random cursor. As of 2024-01-10.
DROP TABLE IF EXISTS bench_obligation_pos, bench_overdue_pos;
CREATE TABLE bench_obligation_pos AS
SELECT row_number() OVER () AS n, due_on, task_seq, sort_name, id FROM (
  SELECT due_on, task_seq, coalesce(unit_name, '') AS sort_name, id,
         row_number() OVER (ORDER BY due_on, task_seq, coalesce(unit_name, ''), id) AS rn
    FROM obligation WHERE region = '370399') x
 WHERE rn % 50 = 0;
CREATE TABLE bench_overdue_pos AS
SELECT row_number() OVER () AS n, due_on, task_seq, sort_name, id FROM (
  SELECT due_on, task_seq, coalesce(unit_name, '') AS sort_name, id,
         row_number() OVER (ORDER BY due_on, task_seq, coalesce(unit_name, ''), id) AS rn
    FROM obligation WHERE region = '370399' AND due_on < '2024-01-10'
     AND (completed_on IS NULL OR completed_on > '2024-01-10') AND (pending_review_on IS NULL OR pending_review_on > '2024-01-10')) x
 WHERE rn % 50 = 0;
ALTER TABLE bench_obligation_pos ADD PRIMARY KEY (n);
ALTER TABLE bench_overdue_pos ADD PRIMARY KEY (n);
