package io.duban.e2e;

import io.duban.testing.OpenApiDrift;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The three services as real processes against fresh databases on the local PostgreSQL
 * ({@code duban_e2e_<svc>_<n>}, dropped at the end), verifying tokens with the test key pair.
 */
final class Cluster implements AutoCloseable {

    final Path root = OpenApiDrift.root();
    final String suffix = (System.currentTimeMillis() % 1_000_000_000L) + "_" + ThreadLocalRandom.current().nextInt(1000);
    final ServiceProcess org;
    final ServiceProcess task;
    final ServiceProcess report;
    private final Map<String, String> reportEnv;
    private final List<ServiceProcess> extras = new ArrayList<>();
    private final String dbHost;
    private final String dbPort;
    private final String dbUser = env("DUBAN_DB_USER", "postgres");
    private final String dbPassword = env("DUBAN_DB_PASSWORD", "");

    Cluster() throws IOException, SQLException {
        this(Map.of());
    }

    /** {@code reportSettings}: extra environment for report-service (e.g. a shorter projection interval). */
    Cluster(Map<String, String> reportSettings) throws IOException, SQLException {
        this(reportSettings, env("DUBAN_DB_HOST", "127.0.0.1"), env("DUBAN_DB_PORT", "5432"));
    }

    /** The services on the PostgreSQL at {@code dbHost:dbPort} (e.g. the HA cluster's HAProxy). */
    Cluster(Map<String, String> reportSettings, String dbHost, String dbPort) throws IOException, SQLException {
        this.dbHost = dbHost;
        this.dbPort = dbPort;
        Path keys = root.resolve("e2e/target/e2e-keys");
        Files.createDirectories(keys);
        copy("/duban-test-public.pem", keys.resolve("public.pem"));
        copy("/duban-test-private.pem", keys.resolve("private.pem"));
        for (String svc : new String[] {"org", "task", "report"}) {
            sql("create database " + db(svc));
        }
        Map<String, String> common = new HashMap<>();
        common.put("DUBAN_DB_HOST", dbHost);
        common.put("DUBAN_DB_PORT", dbPort);
        common.put("DUBAN_DB_USER", dbUser);
        common.put("DUBAN_DB_PASSWORD", dbPassword);
        common.put("DUBAN_JWT_PUBLIC_KEY", keys.resolve("public.pem").toString());
        common.put("DUBAN_JWT_PRIVATE_KEY", keys.resolve("private.pem").toString());
        // the key webhook secrets and TOTP seeds are sealed under (a fixed test key; production reads a file)
        common.put("DUBAN_SECRETS_KEY", "ZHViYW4tZTJlLXNlY3JldHMta2V5LTMyLWJ5dGVzISE=");
        common.put("DUBAN_ORG_DB", db("org"));
        common.put("DUBAN_TASK_DB", db("task"));
        common.put("DUBAN_REPORT_DB", db("report"));
        org = new ServiceProcess(root, "org-service", common);
        Map<String, String> taskEnv = new HashMap<>(common);
        taskEnv.put("DUBAN_ORG_URL", org.url());
        task = new ServiceProcess(root, "task-service", taskEnv);
        reportEnv = new HashMap<>(common);
        reportEnv.put("DUBAN_TASK_URL", task.url());
        // alerts go out only in working hours (08:30–18:00 Asia/Shanghai on working days); the tests deliver at any hour
        reportEnv.put("DUBAN_ALERTS_SENDING_HOURS", "always");
        reportEnv.putAll(reportSettings);
        report = new ServiceProcess(root, "report-service", reportEnv);
    }

    Cluster start() throws IOException {
        org.start();
        task.start();
        report.start();
        return this;
    }

    /** Another report-service replica on its own port, same database and task feed; stopped with the cluster. */
    ServiceProcess anotherReport() {
        ServiceProcess p = new ServiceProcess(root, "report-service", reportEnv);
        extras.add(p);
        return p;
    }

    /**
     * The console on its own port, a client of this cluster's three services, with a fixed session key;
     * started now and stopped with the cluster.
     */
    ServiceProcess startConsole() throws IOException {
        return startConsole(Map.of());
    }

    /** A console with extra settings (e.g. a short {@code DUBAN_CONSOLE_IDLE_TIMEOUT}). */
    ServiceProcess startConsole(Map<String, String> settings) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("DUBAN_ORG_URL", org.url());
        env.put("DUBAN_TASK_URL", task.url());
        env.put("DUBAN_REPORT_URL", report.url());
        env.put("DUBAN_CONSOLE_SESSION_KEY", "ZHViYW4tZTJlLWNvbnNvbGUtc2Vzc2lvbi1rZXktMzI=");
        env.putAll(settings);
        ServiceProcess p = new ServiceProcess(root, "console", env);
        extras.add(p);
        return p.start();
    }

    String db(String svc) {
        return "duban_e2e_" + svc + "_" + suffix;
    }

    /** A JDBC connection to one of this cluster's databases ({@code org}, {@code task}, {@code report}). */
    Connection connect(String svc) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + db(svc), dbUser, dbPassword);
    }

    @Override
    public void close() throws SQLException {
        extras.forEach(ServiceProcess::close);
        report.close();
        task.close();
        org.close();
        for (String svc : new String[] {"org", "task", "report"}) {
            sql("drop database if exists " + db(svc) + " with (force)");
        }
    }

    private void sql(String statement) throws SQLException {
        String url = "jdbc:postgresql://" + dbHost + ":" + dbPort + "/postgres";
        try (Connection c = DriverManager.getConnection(url, dbUser, dbPassword); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = Cluster.class.getResourceAsStream(resource)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
