package io.duban.deadlines.rule;

/** The events that start a RELATIVE 时限 (触发事件), with their Chinese labels. */
public enum Trigger {
    INFO_CHANGED("信息形成或变更"),
    DECISION_ISSUED("决策文件出台"),
    PLAN_ISSUED("本方案发布"),
    POLICY_PUBLISHED("政策性文件发布"),
    CASE_CLOSED("办理完结"),
    EVENT("其他事件");

    private final String label;

    Trigger(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
