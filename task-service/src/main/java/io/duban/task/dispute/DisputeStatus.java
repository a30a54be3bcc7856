package io.duban.task.dispute;

/** 申诉: 待处理 / 申诉成立 (the assignment withdrawn) / 申诉驳回 (it stays). */
public enum DisputeStatus { OPEN, UPHELD, REJECTED }
