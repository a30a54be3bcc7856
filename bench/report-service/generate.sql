-- Province-scale synthetic data for report-service: 136 regions (counties), 2,000,016 obligations
-- (14,706 per county), 150 tasks and 300 assignments per county. Run against a database the
-- service has migrated and started once (calendar_day must be filled). Due dates of RELATIVE
-- obligations are computed on calendar_day, exactly as the service would store them.
\set ON_ERROR_STOP on
TRUNCATE plan, task, assignment, progress_report, trigger_event, obligation;

CREATE TEMP TABLE bench_region AS
SELECT (371000 + g)::text AS code FROM generate_series(0, 135) g;

INSERT INTO plan (region, id, title, doc_number, issued_on, year, kind, version)
SELECT code, md5(code || ':plan')::uuid, '2023年政务公开工作要点任务分解', '沂政办字〔2023〕1号', DATE '2023-03-01', 2023,
       'KEY_TASKS', 1
FROM bench_region;

INSERT INTO task (region, id, plan_id, seq, category, requirement, responsible_text, deadline_text, deadline,
                  deadline_kind, needs_review, version)
SELECT code, md5(code || ':task:' || s)::uuid, md5(code || ':plan')::uuid, s, '["推进信息公开"]'::jsonb,
       '第' || s || '项工作要求', '县直各部门', '信息形成或变更之日起20个工作日内公开',
       CASE WHEN s % 50 = 0 THEN '{"kind":"UNPARSED","text":"视情况","reason":"无法识别"}'::jsonb
            WHEN s % 25 = 0 THEN '{"kind":"ONGOING"}'::jsonb
            ELSE '{"kind":"RELATIVE","trigger":"INFO_CHANGED","period":{"amount":20,"unit":"WORKDAY"}}'::jsonb END,
       CASE WHEN s % 50 = 0 THEN 'UNPARSED' WHEN s % 25 = 0 THEN 'ONGOING' ELSE 'RELATIVE' END,
       s % 50 = 0, 1
FROM bench_region, generate_series(1, 150) s;

INSERT INTO assignment (region, id, plan_id, task_id, unit_id, unit_name, role, status, active, version)
SELECT code, md5(code || ':asg:' || s || ':' || k)::uuid, md5(code || ':plan')::uuid, md5(code || ':task:' || s)::uuid,
       'unit-' || ((s * 7 + k) % 100), '单位' || ((s * 7 + k) % 100), CASE WHEN k = 0 THEN 'LEAD' ELSE 'CO' END,
       'IN_PROGRESS', true, 1
FROM bench_region, generate_series(1, 150) s, generate_series(0, 1) k;

-- 80 % RELATIVE (20 工作日 from an event spread over 2023), 20 % FIXED; 40 % done on time,
-- 20 % done late, 40 % open.
INSERT INTO obligation (region, id, key, plan_id, task_id, assignment_id, unit_id, unit_name, role, kind, event_id,
                        anchor_on, period_amount, period_unit, due_on, provisional, completed_on, rule_text)
SELECT g.code, md5(g.code || ':o:' || g.i)::uuid, 'bench:' || g.i, md5(g.code || ':plan')::uuid,
       md5(g.code || ':task:' || (1 + g.i % 150))::uuid, md5(g.code || ':asg:' || (1 + g.i % 150) || ':0')::uuid,
       'unit-' || (g.i % 100), '单位' || (g.i % 100), 'LEAD',
       CASE WHEN g.relative THEN 'RELATIVE' ELSE 'FIXED' END,
       CASE WHEN g.relative THEN md5(g.code || ':e:' || g.i)::uuid END,
       CASE WHEN g.relative THEN g.anchor END,
       CASE WHEN g.relative THEN 20 END, CASE WHEN g.relative THEN 'WORKDAY' END,
       g.due, false,
       CASE WHEN g.i % 10 < 4 THEN g.due - (g.i % 7) WHEN g.i % 10 < 6 THEN g.due + 1 + g.i % 9 END,
       CASE WHEN g.relative THEN '信息形成或变更之日起20个工作日内' ELSE '2023年12月31日前' END
FROM (
    SELECT r.code, i, i % 5 <> 0 AS relative, DATE '2023-01-03' + (i % 330) AS anchor,
           CASE WHEN i % 5 <> 0 THEN d.day ELSE DATE '2023-03-31' + (i % 9) * 30 END AS due
    FROM bench_region r
    CROSS JOIN generate_series(1, 14706) i
    JOIN calendar_day a ON a.day = DATE '2023-01-03' + (i % 330)
    JOIN calendar_day d ON d.workday AND d.workday_seq = a.workday_seq + 20
) g
-- a county's obligations arrive together (one plan import, then its events), so they are stored together
ORDER BY g.code, g.i;

VACUUM ANALYZE obligation;  -- autovacuum would do this; index-only scans need the visibility map
ANALYZE;
SELECT count(*) AS obligations, count(DISTINCT region) AS regions FROM obligation;
