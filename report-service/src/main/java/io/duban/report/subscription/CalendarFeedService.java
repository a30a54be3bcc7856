package io.duban.report.subscription;

import io.duban.common.audit.AuditTrail;
import io.duban.common.problem.ProblemException;
import io.duban.report.common.Today;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A unit's calendar subscription: a read-only key per unit (only its hash is stored; rotating it makes
 * the old URL a 404 at once) and the iCalendar feed of the unit's open obligations it unlocks.
 */
@ApplicationScoped
public class CalendarFeedService {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MAX_TITLE = 40;

    @Inject
    AuditTrail audit;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Inject
    CalendarKeyRepository keys;

    @Inject
    Today today;

    /** Where a person opens an item: the console's address (the event's URL). */
    @ConfigProperty(name = "duban.console-url", defaultValue = "http://127.0.0.1:8080")
    String consoleUrl;

    /** A new key and the feed URL path it opens (the old key stops working). */
    public record IssuedKey(String unitId, String key, String path) {
    }

    public Uni<IssuedKey> rotate(String region, String unitId, String by) {
        return keys.unitName(region, unitId).chain(name -> {
            if (name.isEmpty()) {
                throw ProblemException.notFound("本区域的任务分解中没有该单位。");
            }
            byte[] raw = new byte[24];
            RANDOM.nextBytes(raw);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            return pool.withTransaction(c -> keys.rotate(c, region, unitId, hash(key), by).call(v -> audit.inTransaction(c, 200)))
                    .replaceWith(new IssuedKey(unitId, key,
                    "/api/v1/regions/" + region + "/units/" + unitId + "/calendar.ics?key=" + key));
        });
    }

    /** The feed, or 404 for a missing, wrong or rotated key (a key reads only its own unit's calendar). */
    public Uni<String> feed(String region, String unitId, String key) {
        if (key == null || key.isBlank() || key.length() > 100) {
            throw notFound();
        }
        return keys.keyHash(region, unitId).chain(stored -> {
            if (stored.isEmpty() || !MessageDigest.isEqual(stored.get().getBytes(StandardCharsets.US_ASCII),
                    hash(key).getBytes(StandardCharsets.US_ASCII))) {
                throw notFound();
            }
            return Uni.combine().all().unis(keys.unitName(region, unitId), keys.open(region, unitId, today.date())).asTuple()
                    .map(t -> IcsWriter.calendar(t.getItem1().orElse(unitId) + " 督办事项", Instant.now(),
                            t.getItem2().stream().map(o -> event(region, o)).toList()));
        });
    }

    private IcsWriter.Event event(String region, CalendarKeyRepository.Open o) {
        String req = o.requirement() == null ? "" : o.requirement().strip();
        String shortReq = req.codePointCount(0, req.length()) <= MAX_TITLE ? req
                : req.substring(0, req.offsetByCodePoints(0, MAX_TITLE)) + "…";
        String title = (o.taskSeq() == null ? "" : "第" + o.taskSeq() + "项 ") + shortReq;
        String description = req + "\n时限：" + o.rule()
                + (o.originalDueOn() != null && !o.originalDueOn().equals(o.dueOn()) ? "\n已延期，原到期日 " + o.originalDueOn() : "");
        return new IcsWriter.Event(o.id() + "@duban-" + region, o.dueOn(), title, description,
                consoleUrl + "/workbench?obligation=" + o.id());
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("日历订阅不存在或链接已失效。");
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
