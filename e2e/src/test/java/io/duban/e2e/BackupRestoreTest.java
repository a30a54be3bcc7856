package io.duban.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.testing.Tokens;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./duban backup DIR} and {@code ./duban restore DIR} (issue 16 §4): the demo county loaded as {@code ./duban up}
 * loads it (demo/), backed up, refused by restore into its own non-empty databases, restored into fresh ones, and the
 * services started on those answer the same dashboard, 通报 and 考核 as the originals.
 */
class BackupRestoreTest {

    static final String REGION = "370323";
    static final String BASE = "/api/v1/regions/" + REGION;

    Cluster original;
    Cluster restored;

    @AfterEach
    void stop() throws Exception {
        for (Cluster c : new Cluster[] {restored, original}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void aRestoredBackupAnswersTheSameDashboardBulletinsAndAssessment() throws Exception {
        original = new Cluster(Map.of("DUBAN_ALERTS_CRON", "off")).start();
        loadDemo(original);
        Map<String, String> before = documents(original);
        assertTrue(before.get("bulletins").contains("\"quarter\""), "the demo drafted its bulletins: " + before.get("bulletins"));

        Path dir = original.root.resolve("e2e/target/backup-" + original.suffix);
        Run backup = duban(original, "backup", dir.toString());
        assertEquals(0, backup.code(), backup.output());
        String manifest = Files.readString(dir.resolve("manifest.json"));
        assertTrue(manifest.contains("\"format\": \"duban-backup/1\"") && manifest.contains("\"postgresServerVersion\""), manifest);
        for (String svc : List.of("org", "task", "report")) {
            assertTrue(Files.size(dir.resolve(svc + ".dump")) > 0, svc);
        }

        Run refused = duban(original, "restore", dir.toString());
        assertNotEquals(0, refused.code(), "restore into non-empty databases must refuse");
        assertTrue(refused.output().contains("is not empty"), refused.output());

        restored = new Cluster(Map.of("DUBAN_ALERTS_CRON", "off"));
        Run restore = duban(restored, "restore", dir.toString());
        assertEquals(0, restore.code(), restore.output());
        original.close();
        original = null;
        restored.start();
        Map<String, String> after = documents(restored);
        assertEquals(before, after);
        assertFalse(after.get("assessment").isBlank());
    }

    /** As ./duban up: units, then demo/load-tasks.sh (plans, progress, assignment life), then demo/load-reports.sh. */
    private static void loadDemo(Cluster c) throws Exception {
        String supervisor = Tokens.supervisor(REGION);
        Api.as(c.org, supervisor).contentType("text/tab-separated-values").body(Files.readAllBytes(c.root.resolve("demo/yiyuan-units.tsv")))
                .post(BASE + "/units/import").then().statusCode(200);
        Run tasks = run(c.root, List.of(c.root.resolve("demo/load-tasks.sh").toString(), c.task.url() + BASE, supervisor), Map.of());
        assertEquals(0, tasks.code(), tasks.output());
        Api.catchUp(c.report, c.task, List.of());
        Run reports = run(c.root, List.of(c.root.resolve("demo/load-reports.sh").toString(), c.report.url() + BASE, supervisor,
                Tokens.system("*")), Map.of());
        assertEquals(0, reports.code(), reports.output());
    }

    /** The dashboard, every 2023 bulletin and the 2023 assessment, as JSON text. */
    private static Map<String, String> documents(Cluster c) {
        String supervisor = Tokens.supervisor(REGION);
        Api.catchUp(c.report, c.task, List.of());
        Map<String, String> docs = new LinkedHashMap<>();
        for (String asOf : List.of("2023-09-07", "2023-12-31")) {
            docs.put("dashboard " + asOf, Api.as(c.report, supervisor).queryParam("asOf", asOf).get(BASE + "/dashboard")
                    .then().statusCode(200).extract().asString());
        }
        JsonPath bulletins = Api.as(c.report, supervisor).queryParam("year", 2023).get(BASE + "/bulletins").then().statusCode(200)
                .extract().jsonPath();
        docs.put("bulletins", bulletins.prettify());
        for (String id : bulletins.<String>getList("items.id")) {
            docs.put("bulletin " + id, Api.as(c.report, supervisor).get(BASE + "/bulletins/" + id).then().statusCode(200).extract().asString());
        }
        docs.put("assessment", Api.as(c.report, supervisor).queryParam("asOf", "2023-12-31").get(BASE + "/assessments/2023")
                .then().statusCode(200).extract().asString());
        return docs;
    }

    record Run(int code, String output) {
    }

    /** ./duban COMMAND DIR against the cluster's databases. */
    private static Run duban(Cluster c, String command, String dir) throws Exception {
        return run(c.root, List.of(c.root.resolve("duban").toString(), command, dir),
                Map.of("DUBAN_ORG_DB", c.db("org"), "DUBAN_TASK_DB", c.db("task"), "DUBAN_REPORT_DB", c.db("report")));
    }

    private static Run run(Path root, List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish");
        }
        return new Run(p.exitValue(), new String(out, java.nio.charset.StandardCharsets.UTF_8));
    }
}
