-- A B reply (正在解决或已列入计划) promises a completion day: that promise becomes a follow-up task of the session with
-- a FIXED due day and the 主办 units' LEAD assignments (an obligation like any other); the reply names it.
alter table proposal_reply add column follow_up_task_id uuid;
