package io.duban.report.alert;

/** What an alert tells: 临期 (due within N working days), 逾期 (past due), 督办 (overdue more than M working days, to the supervisor). */
public enum AlertKind {
    DUE_SOON("临期提醒"), OVERDUE("逾期提醒"), ESCALATION("督办提醒");

    private final String title;

    AlertKind(String title) {
        this.title = title;
    }

    /** The Chinese heading of the message. */
    public String title() {
        return title;
    }
}
