package io.duban.report.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Request bodies per format. DINGTALK: the group robot's {@code {"msgtype":"markdown","markdown":{"title","text"}}};
 * WECOM: {@code {"msgtype":"markdown","markdown":{"content"}}}; GENERIC: the alert as data
 * ({@code alertId, region, date, unitId, unitName, kind, items[], text}). The markdown is Chinese.
 */
public final class WebhookPayloads {

    /** Items listed in one message; the robots cap a message (WeCom at 4096 bytes). */
    static final int MAX_LISTED = 20;
    static final int MAX_REQUIREMENT = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookPayloads() {
    }

    public static String body(AlertFormat format, AlertMessage m) {
        ObjectNode root = JSON.createObjectNode();
        switch (format) {
            case DINGTALK -> {
                root.put("msgtype", "markdown");
                ObjectNode md = root.putObject("markdown");
                md.put("title", title(m));
                md.put("text", markdown(m));
            }
            case WECOM -> {
                root.put("msgtype", "markdown");
                root.putObject("markdown").put("content", markdown(m));
            }
            case GENERIC -> {
                root.put("alertId", m.id().toString());
                root.put("region", m.region());
                root.put("date", m.date().toString());
                root.put("unitId", m.unitId());
                root.put("unitName", m.unitName());
                root.put("kind", m.kind().name());
                ArrayNode items = root.putArray("items");
                for (AlertItem i : m.items()) {
                    ObjectNode n = items.addObject();
                    n.put("obligationId", i.obligationId() == null ? null : i.obligationId().toString());
                    if (i.taskSeq() != null) {
                        n.put("taskSeq", i.taskSeq());
                    }
                    n.put("requirement", i.requirement());
                    n.put("dueOn", i.dueOn().toString());
                    if (i.workdaysLeft() != null) {
                        n.put("workdaysLeft", i.workdaysLeft());
                    }
                    if (i.workdaysLate() != null) {
                        n.put("workdaysLate", i.workdaysLate());
                    }
                }
                root.put("text", markdown(m));
            }
            default -> throw new IllegalArgumentException("format " + format);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String title(AlertMessage m) {
        return m.kind().title() + "：" + name(m) + "（" + m.date() + "）";
    }

    /** The Chinese markdown text shared by the robots and the GENERIC body's {@code text}. */
    static String markdown(AlertMessage m) {
        List<AlertItem> items = m.items();
        StringBuilder s = new StringBuilder();
        s.append("### ").append(m.kind().title()).append("（").append(m.date()).append("）\n\n");
        String unit = "**" + name(m) + "**";
        switch (m.kind()) {
            case DUE_SOON -> s.append(unit).append("：以下 ").append(items.size()).append(" 项工作即将到期，请按时办结并报送进展。\n\n");
            case OVERDUE -> s.append(unit).append("：以下 ").append(items.size()).append(" 项工作已逾期，请尽快办结并报送进展。\n\n");
            case ESCALATION -> s.append(unit).append(" 有 ").append(items.size()).append(" 项工作逾期较久，请督办。\n\n");
            case ASSIGNMENT_LIFE -> s.append(unit).append("：以下 ").append(items.size())
                    .append(" 项已过期限仍未签收或未报送工作台账，请尽快处理。\n\n");
            case RECTIFICATION -> s.append(unit).append("：以下 ").append(items.size())
                    .append(" 个检查问题已过整改期限仍未整改，请尽快整改并报送整改情况。\n\n");
            case URGE -> {
                s.append(unit).append("：督办部门催办以下 ").append(items.size())
                        .append(" 项，请尽快办理，并在督办系统中签收（已阅）。\n\n");
                if (m.note() != null && !m.note().isBlank()) {
                    s.append("> ").append(m.note().strip().replace("\n", " ")).append("\n\n");
                }
            }
            default -> throw new IllegalArgumentException("kind " + m.kind());
        }
        for (AlertItem i : items.subList(0, Math.min(items.size(), MAX_LISTED))) {
            s.append("- ");
            if (i.taskSeq() != null) {
                s.append("第").append(i.taskSeq()).append("项 ");
            }
            s.append(shorten(i.requirement())).append("：");
            if (m.kind() == AlertKind.ASSIGNMENT_LIFE) {
                s.append("应于 ").append(i.dueOn()).append(" 前完成");
            } else if (m.kind() == AlertKind.RECTIFICATION) {
                s.append("整改期限 ").append(i.dueOn());
            } else if (i.workdaysLate() != null) {
                s.append("应于 ").append(i.dueOn()).append(" 办结，已逾期 ").append(i.workdaysLate()).append(" 个工作日");
            } else if (i.workdaysLeft() != null && i.workdaysLeft() == 0) {
                s.append(i.dueOn()).append(" 到期（今天）");
            } else {
                s.append(i.dueOn()).append(" 到期（还剩 ").append(i.workdaysLeft()).append(" 个工作日）");
            }
            s.append("\n");
        }
        if (items.size() > MAX_LISTED) {
            s.append("- ……另有 ").append(items.size() - MAX_LISTED).append(" 项，请登录督办系统查看\n");
        }
        return s.toString();
    }

    private static String name(AlertMessage m) {
        return m.unitName() != null && !m.unitName().isBlank() ? m.unitName() : m.unitId();
    }

    private static String shorten(String requirement) {
        if (requirement == null || requirement.isBlank()) {
            return "（无工作要求）";
        }
        String r = requirement.strip();
        return r.codePointCount(0, r.length()) <= MAX_REQUIREMENT ? r
                : r.substring(0, r.offsetByCodePoints(0, MAX_REQUIREMENT)) + "…";
    }
}
