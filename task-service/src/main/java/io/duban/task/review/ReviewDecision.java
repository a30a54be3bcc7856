package io.duban.task.review;

/** 办结审核: ACCEPT (通过, the assignment is DONE with the unit's completedOn) or RETURN (退回, reported again). */
public enum ReviewDecision { ACCEPT, RETURN }
