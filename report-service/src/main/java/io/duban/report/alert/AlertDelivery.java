package io.duban.report.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.duban.report.calendar.CalendarService;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Sends the outbox. Each round claims due PENDING alerts ({@link AlertOutbox}, under a lease), sends
 * them outside the transaction ({@link WebhookSender}) and records the outcome. A worker that dies
 * mid-send leaves the row PENDING, so after the lease any replica (or the restarted one) sends it
 * again: delivery is at least once, and receivers de-duplicate by the {@code X-Duban-Alert-Id}
 * header. Failures retry with exponential backoff up to {@code max-attempts}, then the alert is
 * FAILED with the last error. Counts sent, retried and failed alerts per format.
 */
@ApplicationScoped
public class AlertDelivery {

    private static final Logger LOG = Logger.getLogger(AlertDelivery.class);

    @Inject
    AlertOutbox outbox;

    @Inject
    WebhookSender sender;

    @Inject
    AlertConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    CalendarService calendars;

    private Backoff backoff;
    private SendingWindow window;

    @PostConstruct
    void init() {
        AlertConfig.Delivery d = config.delivery();
        backoff = new Backoff(d.backoffInitial(), d.backoffMax(), d.backoffJitter());
        window = SendingWindow.parse(config.sendingHours());
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

    /**
     * One round: claims up to a batch of due alerts, sends them a few at a time (`concurrency`), records each outcome;
     * returns how many. Outside the sending window (working days, {@code sending-hours}) it sends nothing.
     */
    public Uni<Integer> deliverDue() {
        return deliverDue(ZonedDateTime.now(ZoneId.of(config.timeZone())));
    }

    /** One round as if it were {@code now}. */
    Uni<Integer> deliverDue(ZonedDateTime now) {
        if (!window.allows(now, calendars.calendar())) {
            return Uni.createFrom().item(0);
        }
        long lease = Math.max(1, config.delivery().lease().toSeconds());
        return outbox.claim(config.delivery().batchSize(), lease).chain(claimed -> {
            if (claimed.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            List<Uni<Void>> sends = claimed.stream().map(c -> sender.send(c).chain(o -> record(c, o))).toList();
            return Uni.join().all(sends).usingConcurrencyOf(Math.max(1, config.delivery().concurrency()))
                    .andCollectFailures().replaceWith(claimed.size());
        });
    }

    private Uni<Void> record(AlertOutbox.Claimed c, WebhookSender.Outcome o) {
        String format = o.format() == null ? "NONE" : o.format().name();
        if (o.sent()) {
            counter("duban.alerts.sent", format).increment();
            return outbox.markSent(c, o.channel(), o.format());
        }
        if (o.permanent() || c.attempts() >= config.delivery().maxAttempts()) {
            counter("duban.alerts.failed", format).increment();
            LOG.warnf("alert %s to %s failed after %d attempts: %s", c.id(), o.channel(), c.attempts(), o.error());
            return outbox.markFailed(c, o.channel(), o.format(), abbreviate(o.error()));
        }
        counter("duban.alerts.retried", format).increment();
        Duration wait = backoff.delay(c.attempts(), ThreadLocalRandom.current().nextDouble());
        return outbox.retryLater(c, o.channel(), o.format(), abbreviate(o.error()), wait.toMillis() / 1000.0);
    }

    private Counter counter(String name, String format) {
        return Counter.builder(name).tag("format", format).register(registry);
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return null;
        }
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
