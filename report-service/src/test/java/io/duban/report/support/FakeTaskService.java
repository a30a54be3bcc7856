package io.duban.report.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stands in for task-service's change feed: a JDK HTTP server on a free port serving
 * {@code GET /api/v1/changes?after=&limit=} from items the tests append. Tests script it over
 * HTTP ({@link FeedScript}) because this class and the test run in different class loaders:
 * {@code POST /control/items} appends, {@code POST /control/down} and {@code /control/up} make it
 * fail with 503 or answer again.
 */
public class FakeTaskService implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;
    private final List<ObjectNode> items = new ArrayList<>();
    private volatile boolean down;
    /** Cursors are "run:n"; a cursor of an earlier run (still stored in the test database) reads from the start. */
    private final String run = Long.toString(System.nanoTime(), 36);

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/changes", this::changes);
        server.createContext("/control/", this::control);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.task-feed.url", url, "duban.test.fake-task-url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void changes(HttpExchange ex) throws IOException {
        if (down) {
            send(ex, 503, "{\"title\":\"down\"}");
            return;
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            send(ex, 401, "{\"title\":\"no token\"}");
            return;
        }
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        String cursor = q.get("after");
        int after = cursor != null && cursor.startsWith(run + ":") ? Integer.parseInt(cursor.substring(run.length() + 1)) : 0;
        int limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : 100;
        ObjectNode page = JSON.createObjectNode();
        ArrayNode out = page.putArray("items");
        int last = after;
        synchronized (items) {
            for (int i = after; i < items.size() && out.size() < limit; i++) {
                out.add(items.get(i));
                last = i + 1;
            }
            page.put("next", run + ":" + last);
            page.put("hasMore", last < items.size());
        }
        send(ex, 200, JSON.writeValueAsString(page));
    }

    private void control(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        switch (path) {
            case "/control/items" -> {
                JsonNode body = JSON.readTree(ex.getRequestBody());
                synchronized (items) {
                    for (JsonNode n : body) {
                        ObjectNode item = (ObjectNode) n;
                        item.put("cursor", run + ":" + (items.size() + 1));
                        items.add(item);
                    }
                    send(ex, 200, "{\"size\":" + items.size() + "}");
                }
            }
            case "/control/down" -> {
                down = true;
                send(ex, 200, "{}");
            }
            case "/control/up" -> {
                down = false;
                send(ex, 200, "{}");
            }
            case "/control/size" -> {
                synchronized (items) {
                    send(ex, 200, "{\"size\":" + items.size() + "}");
                }
            }
            default -> send(ex, 404, "{}");
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int i = kv.indexOf('=');
                if (i > 0) {
                    q.put(kv.substring(0, i), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
