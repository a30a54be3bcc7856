package io.duban.task.plan;

/** 重点工作任务分解表 (KEY_TASKS), 常态化工作任务清单 (ROUTINE) or one 人大/政协 会议的建议提案 (PROPOSALS, see proposal/). */
public enum PlanKind { KEY_TASKS, ROUTINE, PROPOSALS }
