package io.duban.report.alert;

/** How a channel wants its message: our own JSON, or a DingTalk / WeCom (企业微信) group robot's markdown message. */
public enum AlertFormat {
    GENERIC, DINGTALK, WECOM
}
