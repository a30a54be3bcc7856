package io.duban.e2e;

import io.duban.testing.Fixtures;
import io.duban.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the write-under-failure tests (a PostgreSQL primary killed, task-service killed) share: the 2023 county
 * seeded, and one attempt of a keyed progress report — the client retries a failure with the same Idempotency-Key and
 * body, so every 201 it saw must be stored exactly once.
 */
final class KeyedReports {

    static final String REGION = "370323";
    static final String BASE = "/api/v1/regions/" + REGION;

    private KeyedReports() {
    }

    /** The county's units and its 2023 key-task plan imported; the plan's assignments, none reported on yet. */
    static List<Map<String, Object>> seed(Cluster cluster, String supervisor) {
        Api.as(cluster.org, supervisor).contentType("text/tab-separated-values").body(Fixtures.bytes(Fixtures.UNITS_TSV))
                .post(BASE + "/units/import").then().statusCode(200);
        String planId = Api.as(cluster.task, supervisor).contentType("application/json")
                .body(Map.of("title", "沂源县2023年政务公开工作方案", "docNumber", "源政办字〔2023〕25号", "issuedOn", "2023-08-09",
                        "year", 2023, "kind", "KEY_TASKS"))
                .post(BASE + "/plans").then().statusCode(201).extract().path("id");
        Api.as(cluster.task, supervisor).contentType("text/tab-separated-values").body(Fixtures.bytes(Fixtures.KEY_TASKS_TSV))
                .post(BASE + "/plans/" + planId + "/import").then().statusCode(200);
        List<Map<String, Object>> assignments = new ArrayList<>();
        for (int page = 1; page <= 2; page++) {
            List<Map<String, Object>> items = Api.as(cluster.task, supervisor).queryParam("size", 500).queryParam("page", page)
                    .get(BASE + "/assignments").then().statusCode(200).extract().path("items");
            assignments.addAll(items);
        }
        return assignments;
    }

    /** One attempt of the keyed report on an assignment (its version as If-Match); I/O failures are the caller's to retry. */
    static HttpResponse<String> attempt(HttpClient http, Cluster cluster, String supervisor, Map<String, Object> assignment,
                                        String key, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(cluster.task.url() + BASE + "/assignments/" + assignment.get("id")
                                + "/reports"))
                        .timeout(Duration.ofSeconds(15)).header("Authorization", Tokens.bearer(supervisor))
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .header("If-Match", "\"" + assignment.get("version") + "\"")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
