package io.duban.console.common;

import io.duban.console.api.ApiProblem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A form's answer from a service, for showing next to the fields: the message per field (the
 * problem's {@code errors[].field}) and the problem's detail for the whole form.
 */
public record FormErrors(String general, Map<String, String> fields) {

    public static final FormErrors NONE = new FormErrors(null, Map.of());

    public static FormErrors of(ApiProblem p) {
        return new FormErrors(p.detail(), p.fieldMessages());
    }

    public static FormErrors general(String general) {
        return new FormErrors(general, Map.of());
    }

    public static FormErrors field(String field, String message) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(field, message);
        return new FormErrors(null, m);
    }

    public boolean any() {
        return general != null || !fields.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The message for a field, or for any field whose name starts with it (e.g. {@code evidenceUrls[0]}). */
    public String of(String field) {
        String exact = fields.get(field);
        if (exact != null) {
            return exact;
        }
        return fields.entrySet().stream().filter(e -> e.getKey().startsWith(field + "[") || e.getKey().startsWith(field + "."))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
