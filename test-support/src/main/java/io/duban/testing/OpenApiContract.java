package io.duban.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The essentials of an API document other systems generate clients from, checked without Node
 * (the same ones {@code redocly lint} reports as errors or warnings under its recommended rules):
 * every operation has an operationId, unique in the document, and at least one tag that the document
 * describes; every response has a description; the document names its servers and its license.
 */
public final class OpenApiContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiContract() {
    }

    /** What the document (OpenAPI as JSON) lacks; empty when it has everything. */
    public static List<String> problems(String json) {
        JsonNode doc;
        try {
            doc = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        if (!doc.path("servers").isArray() || doc.path("servers").isEmpty()) {
            out.add("servers: none");
        }
        JsonNode license = doc.path("info").path("license");
        if (!license.hasNonNull("name") || !(license.hasNonNull("url") || license.hasNonNull("identifier"))) {
            out.add("info.license: missing, or without url or identifier");
        }
        Set<String> describedTags = new HashSet<>();
        for (JsonNode t : doc.path("tags")) {
            if (t.hasNonNull("description") && !t.get("description").asText().isBlank()) {
                describedTags.add(t.path("name").asText());
            }
        }
        Map<String, String> ids = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                String id = op.getValue().path("operationId").asText("");
                if (id.isBlank()) {
                    out.add(where + ": no operationId");
                } else if (ids.put(id, where) != null) {
                    out.add(where + ": operationId " + id + " also names " + ids.get(id));
                }
                JsonNode tags = op.getValue().path("tags");
                if (!tags.isArray() || tags.isEmpty()) {
                    out.add(where + ": no tag");
                }
                for (JsonNode t : tags) {
                    if (!describedTags.contains(t.asText())) {
                        out.add(where + ": tag " + t.asText() + " is not described in the document's tags");
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> rs = op.getValue().path("responses").fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    if (!r.getValue().has("$ref") && r.getValue().path("description").asText("").isBlank()) {
                        out.add(where + " → " + r.getKey() + ": no description");
                    }
                }
            }
        }
        return out;
    }
}
