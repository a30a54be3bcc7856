package io.duban.task.plan;

/** 重点工作任务分解表 (KEY_TASKS) or 常态化工作任务清单 (ROUTINE). */
public enum PlanKind { KEY_TASKS, ROUTINE }
