package io.duban.e2e;

import io.duban.testing.RestApi;
import io.duban.testing.Tokens;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** rest-assured requests against one running service with a bearer token; walks task-service's change feed. */
final class Api {

    /** Text bodies (TSV) go out exactly as given, without a charset appended by rest-assured. */
    private static final RestAssuredConfig CONFIG = RestAssured.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private Api() {
    }

    static RequestSpecification as(ServiceProcess service, String token) {
        return RestApi.as(token).config(CONFIG).baseUri(service.url());
    }

    /** The change feed as task-service serves it now: how many changes, the last cursor, the ids of the entities. */
    record Feed(int count, String lastCursor, Set<String> entityIds) {
    }

    static Feed feed(ServiceProcess task) {
        String system = Tokens.system("*");
        int count = 0;
        String after = null;
        Set<String> ids = new HashSet<>();
        while (true) {
            RequestSpecification r = as(task, system).queryParam("limit", 5000);
            if (after != null) {
                r.queryParam("after", after);
            }
            JsonPath page = r.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.id");
            count += items.size();
            ids.addAll(items);
            if (page.getString("next") != null) {
                after = page.getString("next");
            }
            if (!page.getBoolean("hasMore")) {
                return new Feed(count, after, ids);
            }
        }
    }

    /**
     * The feed once it shows every entity in {@code written}. task-service hands out a change only
     * when no older transaction is still running anywhere on the PostgreSQL server (xids are
     * server-wide), so a long transaction elsewhere, e.g. another database's tests, holds the
     * feed back for a while; until then "caught up" would mean caught up with less.
     */
    static Feed feedShowing(ServiceProcess task, Collection<String> written) {
        // up to about five minutes: as long as another database's transaction may reasonably run
        for (int attempt = 0; attempt < 1500; attempt++) {
            Feed feed = feed(task);
            if (feed.entityIds().containsAll(written)) {
                return feed;
            }
            sleep(200);
        }
        throw new AssertionError("the change feed never showed everything written: " + written);
    }

    /**
     * Asks report-service to follow the feed until its cursor is task-service's last one (the feed
     * showing {@code written}). The scheduled follower may hold the lock at the same moment, so a
     * sync can come back with nothing done; it is asked again for as long as the cursor keeps moving
     * (a projection that stops short of the end fails the test).
     */
    static JsonPath catchUp(ServiceProcess report, ServiceProcess task, Collection<String> written) {
        Feed feed = feedShowing(task, written);
        String system = Tokens.system("*");
        String last = null;
        String cursor = null;
        // bounded by progress, not by time: a loaded machine is slow, a stuck projection stops moving
        for (int stuck = 0; stuck < 150; stuck++) {
            last = as(report, system).post("/api/v1/admin/projection/sync").then().statusCode(200).extract().asString();
            JsonPath state = as(report, system).get("/api/v1/admin/projection").then().statusCode(200).extract().jsonPath();
            if (feed.lastCursor() == null || feed.lastCursor().equals(state.getString("cursor"))) {
                return state;
            }
            if (!Objects.equals(cursor, state.getString("cursor"))) {
                cursor = state.getString("cursor");
                stuck = 0;
            }
            last += " " + state.prettify();
            sleep(200);
        }
        throw new AssertionError(report.name + " did not reach the feed's end " + feed.lastCursor() + " (" + feed.count()
                + " changes); last sync and state: " + last + "\n" + report.tail());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
