package io.duban.report.alert;

/**
 * What an alert tells: 临期 (due within N working days), 逾期 (past due), 督办 (overdue more than M working days, to
 * the supervisor), and 签收与台账 (the unit's assignments not signed for within the window, its 工作台账 not
 * submitted by the plan's due day), 整改逾期 (the unit's findings open past their rectifyBy, in the daily run) and
 * 催办 (sent by the supervisor at once, with a receipt).
 */
public enum AlertKind {
    DUE_SOON("临期提醒"), OVERDUE("逾期提醒"), ESCALATION("督办提醒"), ASSIGNMENT_LIFE("签收与台账提醒"),
    RECTIFICATION("整改逾期提醒"), URGE("催办");

    private final String title;

    AlertKind(String title) {
        this.title = title;
    }

    /** The Chinese heading of the message. */
    public String title() {
        return title;
    }
}
