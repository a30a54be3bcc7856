package io.duban.task.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.duban.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A stand-in for org-service's resolve-batch and GET /units/{id}, answering the cells of the
 * Yiyuan fixture as the real resolver does (rules of issue 2). Unit ids are
 * {@code UUID.nameUUIDFromBytes(name)}. The system property {@value #MODE} switches it to answer
 * 503 ({@code "503"}) or to drop connections ({@code "reset"}); {@value #LAST_AUTH} holds the
 * Authorization header of the last call (the caller's token must be forwarded).
 */
public class FakeOrgService implements QuarkusTestResourceLifecycleManager {

    public static final String MODE = "duban.fake-org.mode";
    public static final String LAST_AUTH = "duban.fake-org.last-auth";
    public static final String CALLS = "duban.fake-org.calls";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNDESIGNATED = Set.of("县政府有关部门单位", "重大政策起草单位", "舆情涉及部门单位", "责任单位",
            "县政府重大行政决策承办单位", "县政府行政规范性文件实施部门", "部门行政规范性文件起草部门", "相关领域责任单位", "相关部门", "有关部门");

    /** name → kind, in the fixture's order. */
    static final Map<String, String> UNITS = loadUnits();

    private HttpServer server;

    public static UUID unitId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> loadUnits() {
        Map<String, String> units = new LinkedHashMap<>();
        String[] lines = Fixtures.text(Fixtures.UNITS_TSV).split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t");
            if (f.length >= 2) {
                units.put(f[0].strip(), f[1].strip());
            }
        }
        return units;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/regions/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        return Map.of("quarkus.rest-client.org.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String mode = System.getProperty(MODE, "ok");
        System.setProperty(LAST_AUTH, String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
        System.setProperty(CALLS, Integer.toString(Integer.getInteger(CALLS, 0) + 1));
        if (mode.equals("reset")) {
            ex.close(); // no response at all: the client sees the connection drop
            return;
        }
        if (mode.equals("503")) {
            send(ex, 503, "{\"status\":503}");
            return;
        }
        String path = ex.getRequestURI().getPath();
        if (ex.getRequestMethod().equals("POST") && path.endsWith("/responsibility/resolve-batch")) {
            JsonNode body = JSON.readTree(ex.getRequestBody());
            List<Object> results = new ArrayList<>();
            Integer year = body.hasNonNull("year") ? body.get("year").asInt() : null;
            for (JsonNode t : body.get("texts")) {
                results.add(resolve(t.asText(), year));
            }
            send(ex, 200, JSON.writeValueAsString(Map.of("results", results)));
            return;
        }
        if (ex.getRequestMethod().equals("GET") && path.contains("/units/")) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            for (var e : UNITS.entrySet()) {
                if (unitId(e.getKey()).toString().equals(id)) {
                    send(ex, 200, JSON.writeValueAsString(Map.of("id", id, "name", e.getKey(), "kind", e.getValue(), "active", true)));
                    return;
                }
            }
            send(ex, 404, "{\"status\":404}");
            return;
        }
        send(ex, 404, "{\"status\":404}");
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    /** The resolver rules of DESIGN.md for the cells that occur in the fixture. */
    /** 县卫生和计划生育局 was renamed 县卫生健康局 on 2019-03-01 (机构改革): matched for plans of 2019 and before. */
    static Map<String, Object> resolve(String text, Integer year) {
        String former = "县卫生和计划生育局";
        if (year != null && year <= 2019 && text.strip().equals(former)) {
            Map<String, Object> a = new java.util.HashMap<>(assignment("县卫生健康局", "LEAD", former));
            a.put("formerName", former);
            return Map.of("assignments", List.of(a), "unresolved", List.of());
        }
        return resolve(text);
    }

    static Map<String, Object> resolve(String text) {
        List<Map<String, Object>> assignments = new ArrayList<>();
        List<Map<String, Object>> unresolved = new ArrayList<>();
        String t = text.strip();
        if (t.equals("各级各部门单位")) {
            UNITS.forEach((name, kind) -> {
                if (Set.of("TOWN", "SUBDISTRICT", "ZONE", "DEPARTMENT").contains(kind)) {
                    assignments.add(assignment(name, "RESPONSIBLE", t));
                }
            });
        } else if (t.startsWith("各镇（街道）")) {
            UNITS.forEach((name, kind) -> {
                if (Set.of("TOWN", "SUBDISTRICT").contains(kind)) {
                    assignments.add(assignment(name, "RESPONSIBLE", "各镇（街道）"));
                }
            });
            String rest = t.substring("各镇（街道）".length()).replaceFirst("^[，,、]", "");
            if (!rest.isEmpty()) {
                unresolved.add(Map.of("text", rest, "reason", "UNDESIGNATED_GROUP", "suggestions", List.of()));
            }
        } else if (t.contains("牵头，")) {
            String lead = t.substring(0, t.indexOf("牵头，"));
            assignments.add(assignment(lead, "LEAD", lead));
            String rest = t.substring(t.indexOf("牵头，") + 3).replace("具体落实", "");
            for (String part : rest.split("、|和部门")) {
                String name = part.startsWith("行政规范性") ? "部门" + part : part;
                unresolved.add(Map.of("text", name, "reason", "UNDESIGNATED_GROUP", "suggestions", List.of()));
            }
        } else if (t.endsWith("配合") && !t.contains("牵头")) {
            for (String name : t.substring(0, t.length() - 2).split("[、，,；;]")) {
                if (UNITS.containsKey(name.strip())) {
                    assignments.add(assignment(name.strip(), "CO", name.strip()));
                }
            }
        } else {
            boolean first = true;
            for (String name : t.split("[、，,；;]")) {
                name = name.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (UNITS.containsKey(name)) {
                    assignments.add(assignment(name, first ? "LEAD" : "CO", name));
                    first = false;
                } else if (UNDESIGNATED.contains(name)) {
                    unresolved.add(Map.of("text", name, "reason", "UNDESIGNATED_GROUP", "suggestions", List.of()));
                } else if (name.equals("县政府和审批服务局")) {
                    unresolved.add(Map.of("text", name, "reason", "UNKNOWN_UNIT", "suggestions", List.of("县行政审批服务局", "县政府办公室")));
                } else {
                    unresolved.add(Map.of("text", name, "reason", "UNKNOWN_UNIT", "suggestions", List.of()));
                }
            }
        }
        return Map.of("assignments", assignments, "unresolved", unresolved);
    }

    private static Map<String, Object> assignment(String name, String role, String matched) {
        return Map.of("unitId", unitId(name).toString(), "unitName", name, "role", role, "matchedText", matched);
    }
}
