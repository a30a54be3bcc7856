package io.duban.report.alert;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Sends the outbox. Each round claims due PENDING alerts with {@code FOR UPDATE SKIP LOCKED} (replicas
 * never claim the same row) and reserves them for a lease by moving {@code next_attempt_at}; then
 * sends outside the transaction and records the outcome. A worker that dies mid-send leaves the row
 * PENDING, so after the lease any replica (or the restarted one) sends it again: delivery is at
 * least once, and receivers de-duplicate by the {@code X-Duban-Alert-Id} header. Failures retry with
 * exponential backoff up to {@code max-attempts}, then the alert is FAILED with the last error.
 */
@ApplicationScoped
public class AlertDelivery {

    private static final Logger LOG = Logger.getLogger(AlertDelivery.class);
    public static final String ALERT_ID_HEADER = "X-Duban-Alert-Id";

    private static final String CLAIM = """
            WITH due AS (
                SELECT region, id FROM alert WHERE status = 'PENDING' AND next_attempt_at <= now()
                ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED),
            claimed AS (
                UPDATE alert a SET attempts = a.attempts + 1, next_attempt_at = now() + make_interval(secs => $2),
                       last_attempt_at = now()
                FROM due WHERE a.region = due.region AND a.id = due.id
                RETURNING a.region, a.id, a.alert_date, a.unit_id, a.unit_name, a.kind, a.items::text AS items, a.attempts)
            SELECT claimed.*, c.config::text AS channels FROM claimed LEFT JOIN alert_channels c ON c.region = claimed.region""";

    @Inject
    Pool pool;

    @Inject
    AlertConfig config;

    @Inject
    AlertChannelStore channelStore;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    private HttpClient http;
    private Backoff backoff;

    /** A claimed alert with its region's channels. */
    record Claimed(String region, UUID id, LocalDate date, String unitId, String unitName, AlertKind kind,
                   List<AlertItem> items, int attempts, AlertChannels channels) {
    }

    /** The result of one attempt: sent, or an error and whether retrying can help. */
    record Outcome(boolean sent, String channel, AlertFormat format, String error, boolean permanent) {
        static Outcome failed(String channel, AlertFormat format, String error, boolean permanent) {
            return new Outcome(false, channel, format, error, permanent);
        }
    }

    @PostConstruct
    void init() {
        // Never follow redirects: a listed host must not be able to send us to an unlisted one.
        http = HttpClient.newBuilder().connectTimeout(config.delivery().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        AlertConfig.Delivery d = config.delivery();
        backoff = new Backoff(d.backoffInitial(), d.backoffMax(), d.backoffJitter());
        // Registered up front so /q/metrics shows the counters at 0 before the first alert.
        for (AlertFormat f : AlertFormat.values()) {
            counter("duban.alerts.sent", f.name());
            counter("duban.alerts.retried", f.name());
            counter("duban.alerts.failed", f.name());
        }
    }

    @Scheduled(identity = "alerts-delivery", every = "${duban.alerts.delivery.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return deliverDue()
                .onFailure().invoke(e -> LOG.warnf("alert delivery round failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One round: claims up to a batch of due alerts, sends them a few at a time (`concurrency`), records each outcome; returns how many. */
    public Uni<Integer> deliverDue() {
        long lease = Math.max(1, config.delivery().lease().toSeconds());
        return pool.preparedQuery(CLAIM).execute(Tuple.of(config.delivery().batchSize(), (double) lease)).chain(rows -> {
            List<Claimed> claimed = new ArrayList<>();
            for (Row r : rows) {
                claimed.add(claimed(r));
            }
            if (claimed.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            List<Uni<Void>> sends = claimed.stream().map(c -> send(c).chain(o -> record(c, o))).toList();
            return Uni.join().all(sends).usingConcurrencyOf(Math.max(1, config.delivery().concurrency()))
                    .andCollectFailures().replaceWith(claimed.size());
        });
    }

    private Claimed claimed(Row r) {
        try {
            String ch = r.getString("channels");
            return new Claimed(r.getString("region"), r.getUUID("id"), r.getLocalDate("alert_date"), r.getString("unit_id"),
                    r.getString("unit_name"), AlertKind.valueOf(r.getString("kind")),
                    json.readValue(r.getString("items"), new TypeReference<List<AlertItem>>() { }),
                    r.getInteger("attempts"), ch == null ? null : channelStore.read(ch));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("alert row unreadable", e);
        }
    }

    Uni<Outcome> send(Claimed c) {
        Optional<AlertChannels.Resolved> route = c.channels() == null ? Optional.empty() : c.channels().route(c.kind(), c.unitId());
        if (route.isEmpty()) {
            return Uni.createFrom().item(Outcome.failed(null, null, "本地区未配置通知渠道", true));
        }
        String name = route.get().name();
        AlertChannels.Channel channel = route.get().channel();
        AlertFormat format = channel.alertFormat();
        // The allow-list may have shrunk since the channel was configured: check again before every request.
        Optional<String> rejected = new WebhookAllowList(config.allowedHosts()).reject(channel.url());
        if (rejected.isPresent()) {
            return Uni.createFrom().item(Outcome.failed(name, format, rejected.get(), true));
        }
        AlertMessage message = new AlertMessage(c.id(), c.region(), c.date(), c.unitId(), c.unitName(), c.kind(), c.items());
        String body = WebhookPayloads.body(format, message);
        String url = channel.url();
        HttpRequest.Builder req = HttpRequest.newBuilder().timeout(config.delivery().readTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(ALERT_ID_HEADER, c.id().toString());
        if (channel.hasSecret() && format == AlertFormat.DINGTALK) {
            url = WebhookSigner.dingTalkUrl(url, channel.secret(), System.currentTimeMillis());
        } else if (channel.hasSecret() && format == AlertFormat.GENERIC) {
            WebhookSigner.genericHeaders(channel.secret(), System.currentTimeMillis() / 1000, body).forEach(req::header);
        }
        HttpRequest request;
        try {
            request = req.uri(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Outcome.failed(name, format, "Webhook 地址无效", true));
        }
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(resp -> judge(name, format, resp))
                .onFailure().recoverWithItem(e -> Outcome.failed(name, format, describe(e), false));
    }

    /** 2xx is success; the robots answer 200 with {@code errcode} ≠ 0 when they refuse a message (bad sign, rate limit). */
    private Outcome judge(String name, AlertFormat format, HttpResponse<String> resp) {
        String body = resp.body() == null ? "" : resp.body();
        // The receiver's body is not kept: it is the receiver's text (it may echo anything, secrets included).
        if (resp.statusCode() / 100 != 2) {
            LOG.debugf("alert receiver %s answered %d", name, resp.statusCode());
            return Outcome.failed(name, format, "HTTP " + resp.statusCode() + "（接收方未接受）", false);
        }
        if (format != AlertFormat.GENERIC) {
            try {
                JsonNode n = json.readTree(body);
                if (n != null && n.has("errcode") && n.get("errcode").asInt() != 0) {
                    LOG.warnf("alert robot %s refused a message: errcode %d", name, n.get("errcode").asInt());
                    return Outcome.failed(name, format, "HTTP 200 errcode " + n.get("errcode").asInt() + "（机器人拒收）", false);
                }
            } catch (java.io.IOException e) {
                // not JSON: a 2xx is taken as accepted
            }
        }
        return new Outcome(true, name, format, null, false);
    }

    private Uni<Void> record(Claimed c, Outcome o) {
        String format = o.format() == null ? "NONE" : o.format().name();
        if (o.sent()) {
            counter("duban.alerts.sent", format).increment();
            return update("status = 'SENT', sent_at = now(), last_error = NULL", c, o);
        }
        if (o.permanent() || c.attempts() >= config.delivery().maxAttempts()) {
            counter("duban.alerts.failed", format).increment();
            LOG.warnf("alert %s to %s failed after %d attempts: %s", c.id(), o.channel(), c.attempts(), o.error());
            return update("status = 'FAILED', last_error = $6", c, o, abbreviate(o.error()));
        }
        counter("duban.alerts.retried", format).increment();
        Duration wait = backoff.delay(c.attempts(), ThreadLocalRandom.current().nextDouble());
        return update("last_error = $6, next_attempt_at = now() + make_interval(secs => $7)", c, o,
                abbreviate(o.error()), wait.toMillis() / 1000.0);
    }

    /**
     * Records an outcome ({@code set} may use $6, $7 for {@code extra}) unless another worker re-claimed
     * the row after our lease ran out (its attempts moved on).
     */
    private Uni<Void> update(String set, Claimed c, Outcome o, Object... extra) {
        Tuple t = Tuple.tuple().addValue(c.region()).addValue(c.id()).addValue(o.channel())
                .addValue(o.format() == null ? null : o.format().name()).addValue(c.attempts());
        for (Object x : extra) {
            t.addValue(x);
        }
        return pool.preparedQuery("UPDATE alert SET " + set + ", channel = $3, format = $4"
                + " WHERE region = $1 AND id = $2 AND attempts = $5").execute(t).replaceWithVoid();
    }

    private Counter counter(String name, String format) {
        return Counter.builder(name).tag("format", format).register(registry);
    }

    private static String describe(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        // a short reason only: the exception (class, host, port) goes to the log, not to lastError
        if (t instanceof HttpTimeoutException) {
            return "接收方超时未响应";
        }
        if (t instanceof ConnectException) {
            return "无法连接接收方";
        }
        LOG.warnf(t, "alert delivery failed");
        return "投递失败（详见服务日志）";
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return null;
        }
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
