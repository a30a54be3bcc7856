package io.duban.task.assignment;

/** 牵头 / 配合 / 负责. */
public enum Role { LEAD, CO, RESPONSIBLE }
