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

    /**
     * An answer, the ETag it came with, and what pages rendered from it (by what else the rendering depended on), so an
     * unchanged answer is rendered once, not on every page view. Dropped with the answer when a new one replaces it.
     */
    public record Answer(String etag, Dashboard dashboard, Map<Object, String> renderings) {

        static final int MAX_RENDERINGS = 32;

        public Answer(String etag, Dashboard dashboard) {
            this(etag, dashboard, new ConcurrentHashMap<>());
        }

        public String rendered(Object key) {
            return renderings.get(key);
        }

        public void remember(Object key, String html) {
            if (renderings.size() >= MAX_RENDERINGS) {
                renderings.clear();
            }
            renderings.put(key, html);
        }
    }

    private final Map<Key, Answer> answers = new ConcurrentHashMap<>();

    public Answer get(String region, LocalDate asOf, String planId) {
        return answers.get(new Key(region, asOf, planId));
    }

    /** Keeps an answer that came with an ETag (one without cannot be asked about again) and returns it. */
    public Answer put(String region, LocalDate asOf, String planId, String etag, Dashboard dashboard) {
        Answer answer = new Answer(etag, dashboard);
        if (etag == null || dashboard == null) {
            return answer;
        }
        if (answers.size() >= MAX) {
            answers.clear();
        }
        answers.put(new Key(region, asOf, planId), answer);
        return answer;
    }

    int size() {
        return answers.size();
    }
}
