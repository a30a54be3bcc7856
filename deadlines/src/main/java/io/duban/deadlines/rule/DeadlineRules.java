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

    /** @throws IllegalArgumentException when the JSON is not a rule */
    public static DeadlineRule fromJson(String json) {
        try {
            return MAPPER.readValue(json, DeadlineRule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a deadline rule: " + e.getOriginalMessage(), e);
        }
    }
}
