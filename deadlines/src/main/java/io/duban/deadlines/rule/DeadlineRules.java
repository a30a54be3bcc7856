package io.duban.deadlines.rule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Reads and writes {@link DeadlineRule} JSON (the task-service ↔ report-service contract). */
public final class DeadlineRules {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private DeadlineRules() {
    }

    public static String toJson(DeadlineRule rule) {
        try {
            return MAPPER.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write rule " + rule, e);
        }
    }

    /**
     * @throws IllegalArgumentException when the JSON is not a complete rule: besides malformed JSON,
     *         {@code {"kind":"FIXED"}} without a date, RELATIVE without trigger or period, RECURRING
     *         without frequency or with interval &lt; 1, UNPARSED without text
     */
    public static DeadlineRule fromJson(String json) {
        DeadlineRule rule;
        try {
            rule = MAPPER.readValue(json, DeadlineRule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a deadline rule: " + e.getOriginalMessage(), e);
        }
        String missing = incomplete(rule);
        if (missing != null) {
            throw new IllegalArgumentException("incomplete deadline rule: " + missing);
        }
        return rule;
    }

    /** What a deserialised rule lacks, or null when it is complete. */
    private static String incomplete(DeadlineRule rule) {
        if (rule == null) {
            return "null";
        }
        if (rule instanceof DeadlineRule.Fixed f && f.date() == null) {
            return "FIXED needs date";
        }
        if (rule instanceof DeadlineRule.Relative r && (r.trigger() == null || r.period() == null)) {
            return "RELATIVE needs trigger and period";
        }
        if (rule instanceof DeadlineRule.Recurring r && (r.frequency() == null || r.interval() < 1)) {
            return "RECURRING needs frequency and interval >= 1";
        }
        if (rule instanceof DeadlineRule.Unparsed u && u.text() == null) {
            return "UNPARSED needs text";
        }
        return null;
    }
}
