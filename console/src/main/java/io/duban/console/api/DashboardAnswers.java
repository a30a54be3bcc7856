package io.duban.console.api;

import io.duban.console.api.ReportModels.Dashboard;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last dashboard report-service sent for each (region, asOf, plan filter), with its ETag: the console asks again
 * with {@code If-None-Match} and, on 304, reuses the answer instead of receiving and parsing it again. A 304 comes
 * only after report-service has checked the asking person's token for that region, so one person's stored answer
 * serves another of the same region only when the service says it is still current. Bounded: cleared when full.
 */
@ApplicationScoped
public class DashboardAnswers {

    static final int MAX = 512;

    record Key(String region, LocalDate asOf, String planId) {
    }

    /** An answer and the ETag it came with. */
    public record Answer(String etag, Dashboard dashboard) {
    }

    private final Map<Key, Answer> answers = new ConcurrentHashMap<>();

    public Answer get(String region, LocalDate asOf, String planId) {
        return answers.get(new Key(region, asOf, planId));
    }

    public void put(String region, LocalDate asOf, String planId, String etag, Dashboard dashboard) {
        if (etag == null || dashboard == null) {
            return;
        }
        if (answers.size() >= MAX) {
            answers.clear();
        }
        answers.put(new Key(region, asOf, planId), new Answer(etag, dashboard));
    }

    int size() {
        return answers.size();
    }
}
