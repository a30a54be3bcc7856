package io.duban.report.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000007");

    private static AlertMessage message(AlertKind kind, List<AlertItem> items) {
        return new AlertMessage(ID, "370323", LocalDate.of(2023, 9, 5), "u-a", "县商务局", kind, items);
    }

    private static AlertItem soon(int seq, int left) {
        return new AlertItem(UUID.randomUUID(), seq, "加强主动公开基本目录动态管理，根据重点任务及群众需求，实时调整更新。",
                LocalDate.of(2023, 9, 6), left, null);
    }

    @Test
    void dingTalkIsTheRobotsMarkdownMessage() throws Exception {
        JsonNode n = JSON.readTree(WebhookPayloads.body(AlertFormat.DINGTALK, message(AlertKind.DUE_SOON, List.of(soon(17, 1)))));
        assertEquals("markdown", n.get("msgtype").asText());
        assertEquals(List.of("msgtype", "markdown"), fields(n));
        assertEquals(List.of("title", "text"), fields(n.get("markdown")));
        assertEquals("临期提醒：县商务局（2023-09-05）", n.at("/markdown/title").asText());
        assertEquals("""
                ### 临期提醒（2023-09-05）

                **县商务局**：以下 1 项工作即将到期，请按时办结并报送进展。

                - 第17项 加强主动公开基本目录动态管理，根据重点任务及群众需求，实时调整更新。：2023-09-06 到期（还剩 1 个工作日）
                """, n.at("/markdown/text").asText());
    }

    @Test
    void weComIsTheRobotsMarkdownMessage() throws Exception {
        AlertItem late = new AlertItem(UUID.randomUUID(), 17, "要求", LocalDate.of(2023, 9, 6), null, 2);
        JsonNode n = JSON.readTree(WebhookPayloads.body(AlertFormat.WECOM, message(AlertKind.OVERDUE, List.of(late))));
        assertEquals(List.of("msgtype", "markdown"), fields(n));
        assertEquals(List.of("content"), fields(n.get("markdown")));
        assertTrue(n.at("/markdown/content").asText().contains("- 第17项 要求：应于 2023-09-06 办结，已逾期 2 个工作日"));
        assertTrue(n.at("/markdown/content").asText().startsWith("### 逾期提醒（2023-09-05）"));
    }

    @Test
    void genericCarriesTheAlertAsData() throws Exception {
        JsonNode n = JSON.readTree(WebhookPayloads.body(AlertFormat.GENERIC, message(AlertKind.DUE_SOON, List.of(soon(17, 0)))));
        assertEquals(ID.toString(), n.get("alertId").asText());
        assertEquals("370323", n.get("region").asText());
        assertEquals("u-a", n.get("unitId").asText());
        assertEquals("DUE_SOON", n.get("kind").asText());
        assertEquals(17, n.at("/items/0/taskSeq").asInt());
        assertEquals("2023-09-06", n.at("/items/0/dueOn").asText());
        assertEquals(0, n.at("/items/0/workdaysLeft").asInt());
        assertFalse(n.at("/items/0").has("workdaysLate"));
        assertTrue(n.get("text").asText().contains("2023-09-06 到期（今天）"));
    }

    @Test
    void longDigestsStayWithinWeComsLimit() {
        List<AlertItem> many = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            many.add(soon(i, 2));
        }
        String text = WebhookPayloads.markdown(message(AlertKind.DUE_SOON, many));
        assertTrue(text.contains("……另有 100 项"));
        assertTrue(text.getBytes(StandardCharsets.UTF_8).length < 4096, () -> "bytes " + text.getBytes(StandardCharsets.UTF_8).length);
    }

    private static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
