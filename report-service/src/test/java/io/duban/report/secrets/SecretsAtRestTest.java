package io.duban.report.secrets;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.common.secrets.SecretKeys;
import io.duban.report.alert.AlertChannelStore;
import io.duban.report.support.Api;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads report-service's database directly: webhook signing secrets are sealed; clear ones from before are re-sealed. */
@QuarkusTest
class SecretsAtRestTest {

    @Inject
    Pool pool;

    @Inject
    AlertChannelStore store;

    @Inject
    SecretKeys keys;

    String stored(String region) {
        return pool.preparedQuery("select config::text as c from alert_channels where region = $1").execute(Tuple.of(region))
                .await().indefinitely().iterator().next().getString("c");
    }

    @Test
    void aWebhookSecretIsSealedAtRestAndStillSigns() {
        String region = Regions.fresh();
        Api.as(Tokens.supervisor(region)).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("default", Map.of("url", "https://hooks.example.org/a", "format", "GENERIC", "secret", "SEC-webhook-7f3a9")))
                .put("/api/v1/regions/" + region + "/alert-channels").then().statusCode(200).body("default.secretSet", equalTo(true));
        String row = stored(region);
        assertFalse(row.contains("SEC-webhook-7f3a9"), row);
        assertTrue(row.contains("sealed:v1:" + keys.seal().currentKid() + ":"), row);
        assertEquals("SEC-webhook-7f3a9", store.load(region).await().indefinitely().channels().defaultChannel().secret());
    }

    @Test
    void aSecretStoredInClearBeforeIsResealedAndOpensTheSame() {
        String region = Regions.fresh();
        pool.preparedQuery("insert into alert_channels (region, config, version, updated_by, updated_at) values "
                        + "($1, $2::text::jsonb, 1, 'before-issue-16', now())")
                .execute(Tuple.of(region, "{\"default\":{\"url\":\"https://hooks.example.org/b\",\"format\":\"GENERIC\",\"secret\":\"clear-old-secret\"}}"))
                .await().indefinitely();
        assertTrue(store.resealAll().await().indefinitely() >= 1);
        String row = stored(region);
        assertFalse(row.contains("clear-old-secret"), row);
        assertEquals("clear-old-secret", store.load(region).await().indefinitely().channels().defaultChannel().secret());
        Api.as(Tokens.supervisor(region)).get("/api/v1/regions/" + region + "/alert-channels").then().statusCode(200)
                .header("ETag", "\"1\"").body("default.secretSet", equalTo(true));
    }
}
