package io.duban.e2e;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One packaged service ({@code <svc>/target/quarkus-app/quarkus-run.jar}) run as a real process on
 * a free port, with its management interface (health, metrics, OpenAPI: the prod profile serves them only there) on
 * another free port, its output in {@code e2e/target/<svc>-<port>.log}. Can be stopped gently or killed (-9) and
 * started again with the same settings.
 */
final class ServiceProcess implements AutoCloseable {

    final String name;
    final int port;
    /** The management interface's port: {@code /q/health}, {@code /q/metrics}, {@code /q/openapi}. */
    final int managementPort;
    private final Path jar;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    ServiceProcess(Path root, String name, Map<String, String> env) {
        this.name = name;
        this.port = freePort();
        this.managementPort = freePort();
        this.jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        this.env = env;
        this.log = root.resolve("e2e/target").resolve(name + "-" + port + ".log");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Where health, metrics and the OpenAPI document are served (never on {@link #url()} in the prod profile). */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    ServiceProcess start() throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        pb.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        pb.environment().put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        process = pb.start();
        Process started = process;
        // a test run that ends abnormally must not leave services running on the host
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        awaitReady(Duration.ofSeconds(90));
        return this;
    }

    private void awaitReady(Duration timeout) throws IOException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log
                        + "\n" + tail());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(managementUrl() + "/q/health/ready").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log + "\n" + tail());
    }

    /** The operating system's id of the running process (to show it was never restarted). */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hooks, in-flight work lost, as in a crash. */
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitFor();
        }
    }

    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        stop();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
