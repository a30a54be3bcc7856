package io.duban.deadlines.rule;

/** How often a RECURRING duty falls due. */
public enum Frequency {
    MONTHLY,
    QUARTERLY,
    YEARLY,
    EVERY_N_WEEKS
}
