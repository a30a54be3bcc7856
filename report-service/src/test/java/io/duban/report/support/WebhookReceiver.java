package io.duban.report.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local webhook receiver for alert tests: a JDK HTTP server on a free port that records every
 * request and answers 200 (robot paths {@code /ding…}, {@code /wecom…} with {@code {"errcode":0}}),
 * or fails the first n requests of a path with a status of the test's choosing.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received, with the status it was answered with. */
    public record Received(String path, String query, Map<String, List<String>> headers, String body, int answered) {
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** Marks a scripted robot refusal (answered 200 with a non-zero errcode). */
    public static final int REFUSED = -200;
    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, Integer> failStatus = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL of {@code path} on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the next {@code times} requests to {@code path} with {@code status}. */
    public WebhookReceiver failNext(String path, int times, int status) {
        failures.put(path, new AtomicInteger(times));
        failStatus.put(path, status);
        return this;
    }

    /** Answers the next {@code times} requests to {@code path} as a robot refusing the message: 200 with errcode 310000. */
    public WebhookReceiver refuseNext(String path, int times) {
        return failNext(path, times, REFUSED);
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public List<Received> received(String path) {
        return received().stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        AtomicInteger left = failures.get(path);
        int status = left != null && left.getAndDecrement() > 0 ? failStatus.get(path) : 200;
        synchronized (received) {
            received.add(new Received(path, ex.getRequestURI().getRawQuery(), Map.copyOf(ex.getRequestHeaders()), body, status));
        }
        String answer = status == REFUSED ? "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"
                : status != 200 ? "{\"error\":\"scripted failure\",\"db_password\":\"hunter2\"}"
                : path.startsWith("/ding") || path.startsWith("/wecom") ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{}";
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status == REFUSED ? 200 : status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
