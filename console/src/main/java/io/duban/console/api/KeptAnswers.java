package io.duban.console.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last answer report-service sent for each conditional read (the dashboard per region, asOf and plan filter; the
 * province summary per region and asOf), with its ETag: the console asks again with {@code If-None-Match} and, on 304,
 * reuses the answer — and what it rendered from it — instead of receiving, parsing and rendering it again. A 304 comes
 * only after report-service has checked the asking person's token for that region, so one person's stored answer
 * serves another of the same region only when the service says it is still current. Bounded: cleared when full.
 */
@ApplicationScoped
public class KeptAnswers {

    static final int MAX = 512;

    /** What was read: {@code kind} names the endpoint, the rest its parameters. */
    record Key(String kind, String region, LocalDate asOf, String planId) {
    }

    /**
     * An answer, the ETag it came with, and what pages rendered from it (by what else the rendering depended on), so an
     * unchanged answer is rendered once, not on every page view. Dropped with the answer when a new one replaces it.
     */
    public record Answer<T>(String etag, T value, Map<Object, String> renderings) {

        static final int MAX_RENDERINGS = 32;

        public Answer(String etag, T value) {
            this(etag, value, new ConcurrentHashMap<>());
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

    private final Map<Key, Answer<?>> answers = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    public <T> Answer<T> get(String kind, String region, LocalDate asOf, String planId) {
        return (Answer<T>) answers.get(new Key(kind, region, asOf, planId));
    }

    /** Keeps an answer that came with an ETag (one without cannot be asked about again) and returns it. */
    public <T> Answer<T> put(String kind, String region, LocalDate asOf, String planId, String etag, T value) {
        Answer<T> answer = new Answer<>(etag, value);
        if (etag == null || value == null) {
            return answer;
        }
        if (answers.size() >= MAX) {
            answers.clear();
        }
        answers.put(new Key(kind, region, asOf, planId), answer);
        return answer;
    }

    int size() {
        return answers.size();
    }
}
