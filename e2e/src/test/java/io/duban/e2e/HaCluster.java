package io.duban.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * deploy/ha's PostgreSQL cluster (etcd, three Patroni members, HAProxy) started with {@code deploy/ha/run.sh up} in a
 * state directory of its own and removed at the end; it can SIGKILL a member's PostgreSQL and cut HAProxy.
 * Ports are deploy/ha's defaults (25xxx on 127.0.0.1) unless the {@code DUBAN_HA_*} variables say otherwise.
 */
final class HaCluster implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    final Path root;
    final Path state = Path.of("/tmp", "duban-ha-e2e-" + ThreadLocalRandom.current().nextInt(1_000_000));
    final int primaryPort = Integer.parseInt(env("DUBAN_HA_PRIMARY_PORT", "25500"));
    private final List<Integer> restPorts = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    HaCluster(Path root) {
        this.root = root;
        for (String p : env("DUBAN_HA_REST_PORTS", "25008 25009 25010").trim().split("\\s+")) {
            restPorts.add(Integer.parseInt(p));
        }
    }

    HaCluster up() throws IOException, InterruptedException {
        run("up");
        return this;
    }

    /** One member as Patroni reports it. */
    record Member(String name, String role, String state, int port, int timeline) {
    }

    /** The members as the first answering member's REST API lists them. */
    List<Member> members() {
        for (int port : restPorts) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cluster"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    continue;
                }
                List<Member> out = new ArrayList<>();
                for (JsonNode m : JSON.readTree(r.body()).path("members")) {
                    out.add(new Member(m.path("name").asText(), m.path("role").asText(), m.path("state").asText(),
                            m.path("port").asInt(), m.path("timeline").asInt()));
                }
                return out;
            } catch (IOException e) {
                // that member's Patroni is down: ask the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return List.of();
    }

    Member withRole(String role) {
        return members().stream().filter(m -> m.role().equals(role)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + role + " among " + members()));
    }

    /** Until three members run, one leads and one is the synchronous standby (a failed member rejoined). */
    void awaitHealthy(Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        List<Member> last = List.of();
        while (Instant.now().isBefore(until)) {
            last = members();
            long running = last.stream().filter(m -> m.state().equals("running") || m.state().equals("streaming")).count();
            if (running == 3 && last.stream().anyMatch(m -> m.role().equals("leader"))
                    && last.stream().anyMatch(m -> m.role().equals("sync_standby"))) {
                return;
            }
            Api.sleep(500);
        }
        throw new AssertionError("the HA cluster did not become healthy within " + timeout + ": " + last);
    }

    /** SIGKILL of a member's postmaster and every process under it, as in a crash of that PostgreSQL. */
    void killPostgres(Member member) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(state.resolve(member.name()).resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no postmaster " + pid));
        List<ProcessHandle> children = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** Stops HAProxy: the services' database is unreachable until {@link #restoreProxy()}. */
    void cutProxy() throws IOException {
        long pid = Long.parseLong(Files.readString(state.resolve("haproxy.pid")).trim());
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroy();
            p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        });
    }

    void restoreProxy() throws IOException, InterruptedException {
        run("up");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("down", "--purge");
    }

    private void run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(root.resolve("deploy/ha/run.sh").toString()));
        cmd.addAll(List.of(args));
        Path log = root.resolve("e2e/target/ha-run.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(Map.of("DUBAN_HA_DIR", state.toString()));
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("deploy/ha/run.sh " + String.join(" ", args) + " did not finish in 300 s; see " + log);
        }
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new AssertionError("deploy/ha/run.sh " + String.join(" ", args) + " failed (" + p.exitValue() + "):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
