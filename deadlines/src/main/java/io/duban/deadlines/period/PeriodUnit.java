package io.duban.deadlines.period;

/** Units of a legal period: 工作日, 日 (calendar days), 月, 年, 小时. */
public enum PeriodUnit {
    WORKDAY("个工作日"),
    DAY("日"),
    MONTH("个月"),
    YEAR("年"),
    HOUR("小时");

    private final String label;

    PeriodUnit(String label) {
        this.label = label;
    }

    /** Chinese suffix used in descriptions: 20个工作日, 3日, 2个月, 1年, 48小时. */
    public String label() {
        return label;
    }
}
