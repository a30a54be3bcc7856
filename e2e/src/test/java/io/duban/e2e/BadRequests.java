package io.duban.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bad requests generated from a service's OpenAPI document: for each operation a valid-looking base request
 * (path ids of the seeded region, query values and a JSON body built from the schemas) and a bounded set of
 * mutations of it — wrong types, missing and extra fields, huge and empty strings, invalid UTF-8, NUL, emoji,
 * negative and huge numbers, impossible dates, malformed and foreign ids, unknown enum values, oversized and
 * deeply nested bodies, wrong content types.
 */
final class BadRequests {

    static final String NUL = "\u0000";
    static final String EMOJI = "\uD83D\uDE00\uD83C\uDDE8\uD83C\uDDF3";
    /** Bytes that are not UTF-8 (a lone continuation byte, an overlong form, a truncated sequence). */
    static final byte[] NOT_UTF8 = {(byte) 0x80, (byte) 0xC0, (byte) 0xAF, (byte) 0xE6, (byte) 0x97};
    private static final String NOT_UTF8_MARK = "\u0001NOT-UTF8\u0001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One operation of a document. */
    record Operation(String service, String method, String path, String operationId, List<JsonNode> parameters,
            Map<String, JsonNode> bodies) {

        boolean regionScoped() {
            return path.contains("{region}");
        }

        boolean hasJsonBody() {
            return bodies.containsKey("application/json");
        }

        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }
    }

    /** One request to send: what it tries, and the request itself (path already encoded). */
    record Case(String name, String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
    }

    /** What the generator fills ids with: the seeded region's ids by kind, and ids of another region. */
    record Ids(String region, Map<String, String> own, Map<String, String> foreign) {

        String own(String kind) {
            return own.getOrDefault(kind, "6f1d0e64-3c1b-4c53-9f55-000000000001");
        }

        String foreign(String kind) {
            return foreign.getOrDefault(kind, "6f1d0e64-3c1b-4c53-9f55-000000000002");
        }
    }

    private final JsonNode document;
    private final JsonNode schemas;
    private final Ids ids;

    BadRequests(Path openapi, Ids ids) throws IOException {
        this.document = new ObjectMapper(new YAMLFactory()).readTree(openapi.toFile());
        this.schemas = document.path("components").path("schemas");
        this.ids = ids;
    }

    List<Operation> operations(String service) {
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode op = p.getValue().get(method);
                if (op == null) {
                    continue;
                }
                List<JsonNode> params = new ArrayList<>();
                op.path("parameters").forEach(params::add);
                Map<String, JsonNode> bodies = new LinkedHashMap<>();
                op.path("requestBody").path("content").fields().forEachRemaining(e -> bodies.put(e.getKey(), e.getValue().path("schema")));
                ops.add(new Operation(service, method.toUpperCase(), p.getKey(), op.path("operationId").asText(), params, bodies));
            }
        }
        return ops;
    }

    // ---- the base request --------------------------------------------------------------------------------

    /** The operation as a client would call it correctly in the seeded region (what the token cases send). */
    Case base(Operation op) {
        Map<String, String> headers = new LinkedHashMap<>(baseHeaders(op));
        byte[] body = null;
        if (op.hasJsonBody()) {
            headers.put("Content-Type", "application/json");
            body = bytes(sample(op.bodies().get("application/json"), "", 0));
        } else if (!op.bodies().isEmpty()) {
            String type = op.bodies().keySet().iterator().next();
            headers.put("Content-Type", type);
            body = type.startsWith("application/x-www-form-urlencoded") ? "grant_type=client_credentials&client_id=x&client_secret=y".getBytes(StandardCharsets.UTF_8)
                    : "名称\t类别\n".getBytes(StandardCharsets.UTF_8);
        }
        return new Case("base", op.method(), path(op, Map.of()) + query(op, Map.of()), headers, body);
    }

    private Map<String, String> baseHeaders(Operation op) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode p : op.parameters()) {
            if ("header".equals(p.path("in").asText())) {
                headers.put(p.path("name").asText(), p.path("name").asText().equals("If-Match") ? "\"1\"" : "fuzz-base-key");
            }
        }
        return headers;
    }

    private String path(Operation op, Map<String, String> override) {
        String[] segments = op.path().split("/");
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            out.append('/');
            if (s.startsWith("{")) {
                String name = s.substring(1, s.length() - 1);
                out.append(override.containsKey(name) ? override.get(name) : enc(pathValue(name, segments[i - 1])));
            } else {
                out.append(s);
            }
        }
        return out.toString();
    }

    private String pathValue(String name, String previous) {
        return switch (name) {
            case "region" -> ids.region();
            case "year" -> "2099";
            case "id" -> ids.own(kindOf(previous));
            default -> ids.own(kindOf(name));
        };
    }

    /** The kind of entity an id names, from the parameter's name or the collection before it in the path. */
    static String kindOf(String name) {
        String n = name.toLowerCase();
        for (String kind : List.of("unit", "plan", "task", "assignment", "report", "event", "dispute", "account", "group",
                "bulletin")) {
            if (n.startsWith(kind) || n.equals(kind + "s") || n.endsWith(kind + "id") || n.endsWith(kind + "ids")) {
                return kind;
            }
        }
        return n.replace("api-clients", "apiclient");
    }

    private String query(Operation op, Map<String, String> override) {
        StringBuilder q = new StringBuilder();
        for (JsonNode p : op.parameters()) {
            if (!"query".equals(p.path("in").asText())) {
                continue;
            }
            String name = p.path("name").asText();
            String value = override.containsKey(name) ? override.get(name) : enc(queryValue(name, p.path("schema")));
            if (value == null) {
                continue;
            }
            q.append(q.isEmpty() ? '?' : '&').append(name).append('=').append(value);
        }
        override.forEach((k, v) -> {
            if (op.parameters().stream().noneMatch(p -> p.path("name").asText().equals(k)) && k.startsWith("extra")) {
                q.append(q.isEmpty() ? '?' : '&').append(k).append('=').append(v);
            }
        });
        return q.toString();
    }

    private String queryValue(String name, JsonNode schema) {
        if (isId(name)) {
            return ids.own(kindOf(name));
        }
        if (isDate(name, schema)) {
            return "2023-09-07";
        }
        return switch (name) {
            case "page" -> "1";
            case "size", "limit" -> "5";
            case "year" -> "2023";
            case "workdays" -> "3";
            case "regionPrefix" -> "37";
            case "after" -> null;
            default -> schema.path("type").asText().equals("boolean") ? "true" : null;
        };
    }

    // ---- mutations ---------------------------------------------------------------------------------------

    /** Every bad request of one operation, each sent with the seeded region's valid token. */
    List<Case> cases(Operation op) {
        List<Case> out = new ArrayList<>();
        Case base = base(op);
        String basePath = path(op, Map.of());
        String baseQuery = query(op, Map.of());
        // path parameters
        for (String segment : op.path().split("/")) {
            if (!segment.startsWith("{")) {
                continue;
            }
            String name = segment.substring(1, segment.length() - 1);
            Map<String, String> bad = new LinkedHashMap<>();
            bad.put("malformed", "not-a-uuid");
            bad.put("NUL", "%00");
            bad.put("invalid UTF-8", "%80%C0%AF");
            bad.put("emoji", enc(EMOJI));
            bad.put("huge", "9".repeat(4000));
            bad.put("negative", "-1");
            bad.put("empty-ish", "%20");
            if (name.equals("region")) {
                bad.put("other region", "370124");
                bad.put("wildcard", "*");
            } else if (!name.equals("year")) {
                bad.put("foreign id", ids.foreign(kindOf(name.equals("id") ? previous(op.path(), segment) : name)));
                bad.put("random id", java.util.UUID.randomUUID().toString());
            }
            bad.forEach((what, value) -> out.add(new Case("path " + name + ": " + what, op.method(),
                    path(op, Map.of(name, value)) + baseQuery, base.headers(), base.body())));
        }
        // query parameters
        for (JsonNode p : op.parameters()) {
            if (!"query".equals(p.path("in").asText())) {
                continue;
            }
            String name = p.path("name").asText();
            Map<String, String> bad = new LinkedHashMap<>();
            bad.put("wrong type", "abc");
            bad.put("negative", "-1");
            bad.put("huge number", "99999999999999999999999");
            bad.put("fraction", "1.5");
            bad.put("empty", "");
            bad.put("NUL", "%00");
            bad.put("invalid UTF-8", "%80%C0%AF");
            bad.put("emoji", enc(EMOJI));
            bad.put("huge", "x".repeat(6000));
            bad.put("impossible date", "2023-02-30");
            bad.put("foreign id", ids.foreign(kindOf(name)));
            bad.put("unknown enum", "NO_SUCH_VALUE");
            bad.forEach((what, value) -> out.add(new Case("query " + name + ": " + what, op.method(),
                    basePath + query(op, Map.of(name, value)), base.headers(), base.body())));
        }
        out.add(new Case("extra query parameter", op.method(), basePath + query(op, Map.of("extraFuzz", "1")), base.headers(),
                base.body()));
        // headers
        if (base.headers().containsKey("If-Match")) {
            for (String v : List.of("garbage", "\"", "W/\"1\"", "\"99999999999999999999999\"", "\"-1\"", "*", "x".repeat(6000))) {
                out.add(withHeader(base, "If-Match", v, "If-Match " + abbreviate(v)));
            }
        }
        if (base.headers().containsKey("Idempotency-Key")) {
            for (String v : List.of("", "k".repeat(6000), EMOJI.replaceAll(".", "?"))) {
                out.add(withHeader(base, "Idempotency-Key", v, "Idempotency-Key " + abbreviate(v)));
            }
        }
        out.add(withHeader(base, "Accept", "application/xml", "Accept application/xml"));
        // bodies
        if (op.hasJsonBody()) {
            out.addAll(jsonBodyCases(op, base));
        } else if (!op.bodies().isEmpty()) {
            out.addAll(rawBodyCases(base));
        }
        return out;
    }

    private static String previous(String path, String segment) {
        String[] s = path.split("/");
        for (int i = 1; i < s.length; i++) {
            if (s[i].equals(segment)) {
                return s[i - 1];
            }
        }
        return "";
    }

    private List<Case> jsonBodyCases(Operation op, Case base) {
        List<Case> out = new ArrayList<>();
        JsonNode schema = resolve(op.bodies().get("application/json"));
        JsonNode valid = sample(schema, "", 0);
        out.add(withBody(base, null, "no body"));
        out.add(withBody(base, new byte[0], "empty body"));
        for (String raw : List.of("null", "[]", "\"text\"", "42", "{", "{}}", "{\"a\":1,\"a\":2}", "{}")) {
            out.add(withBody(base, raw.getBytes(StandardCharsets.UTF_8), "body " + raw));
        }
        out.add(withBody(base, "[".repeat(100_000).getBytes(StandardCharsets.UTF_8), "deeply nested arrays"));
        out.add(withBody(base, "{\"a\":".repeat(20_000).getBytes(StandardCharsets.UTF_8), "deeply nested objects"));
        out.add(withBody(base, ("{\"pad\":\"" + "字".repeat(400_000) + "\"}").getBytes(StandardCharsets.UTF_8), "oversized body (1.2 MB)"));
        out.add(withBody(base, NOT_UTF8, "body of invalid UTF-8"));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "")) {
            Map<String, String> headers = new LinkedHashMap<>(base.headers());
            if (type.isEmpty()) {
                headers.remove("Content-Type");
            } else {
                headers.put("Content-Type", type);
            }
            out.add(new Case("content type '" + type + "'", base.method(), base.pathAndQuery(), headers, base.body()));
        }
        if (valid instanceof ObjectNode object) {
            ObjectNode extra = object.deepCopy();
            extra.put("unexpectedFuzzField", "x");
            out.add(withBody(base, bytes(extra), "extra field"));
            JsonNode properties = schema.path("properties");
            for (Iterator<String> names = properties.fieldNames(); names.hasNext();) {
                String field = names.next();
                JsonNode fieldSchema = resolve(properties.get(field));
                ObjectNode missing = object.deepCopy();
                missing.remove(field);
                out.add(withBody(base, bytes(missing), "missing " + field));
                for (Map.Entry<String, JsonNode> bad : badValues(field, fieldSchema).entrySet()) {
                    ObjectNode mutated = object.deepCopy();
                    mutated.set(field, bad.getValue());
                    out.add(withBody(base, bytes(mutated), field + ": " + bad.getKey()));
                }
            }
        }
        return out;
    }

    private Map<String, JsonNode> badValues(String field, JsonNode schema) {
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        String type = typeOf(schema);
        bad.put("null", NODES.nullNode());
        bad.put("object", NODES.objectNode().put("x", 1));
        switch (type) {
            case "integer", "number" -> {
                bad.put("string", NODES.textNode("abc"));
                bad.put("negative", NODES.numberNode(-1));
                bad.put("huge", NODES.numberNode(new java.math.BigInteger("999999999999999999999999999999")));
                bad.put("fraction", NODES.numberNode(1.5));
                bad.put("1e400", NODES.numberNode(new java.math.BigDecimal("1e400")));
            }
            case "boolean" -> {
                bad.put("string", NODES.textNode("yes"));
                bad.put("number", NODES.numberNode(1));
            }
            case "array" -> {
                bad.put("string", NODES.textNode("x"));
                ArrayNode many = NODES.arrayNode();
                JsonNode item = sample(resolve(schema.path("items")), field, 1);
                for (int i = 0; i < 5000; i++) {
                    many.add(item);
                }
                bad.put("5000 items", many);
                bad.put("items of wrong type", NODES.arrayNode().add(NODES.arrayNode()).add(7));
                bad.put("NUL item", NODES.arrayNode().add(NUL));
            }
            case "object" -> {
                bad.put("string", NODES.textNode("x"));
                bad.put("array", NODES.arrayNode().add(1));
            }
            default -> {
                bad.put("number", NODES.numberNode(12345));
                bad.put("boolean", NODES.booleanNode(true));
                bad.put("array", NODES.arrayNode().add("x"));
                bad.put("empty", NODES.textNode(""));
                bad.put("blank", NODES.textNode("   "));
                bad.put("huge", NODES.textNode("长".repeat(100_000)));
                bad.put("NUL", NODES.textNode("a" + NUL + "b"));
                bad.put("emoji", NODES.textNode(EMOJI));
                bad.put("invalid UTF-8", NODES.textNode(NOT_UTF8_MARK));
                bad.put("impossible date", NODES.textNode("2023-02-30"));
                bad.put("date far away", NODES.textNode("99999-01-01"));
                bad.put("malformed id", NODES.textNode("not-a-uuid"));
                bad.put("foreign id", NODES.textNode(ids.foreign(kindOf(field))));
                bad.put("unknown enum", NODES.textNode("NO_SUCH_VALUE"));
                bad.put("lower-case enum", NODES.textNode(schema.path("enum").path(0).asText("x").toLowerCase()));
            }
        }
        return bad;
    }

    private static List<Case> rawBodyCases(Case base) {
        List<Case> out = new ArrayList<>();
        out.add(withBody(base, null, "no body"));
        out.add(withBody(base, new byte[0], "empty body"));
        out.add(withBody(base, NOT_UTF8, "invalid UTF-8"));
        out.add(withBody(base, ("名称\t类别\n" + "a" + NUL + "b\t部门\n").getBytes(StandardCharsets.UTF_8), "NUL in a cell"));
        out.add(withBody(base, ("名称\t类别\n" + EMOJI + "\t部门\n").getBytes(StandardCharsets.UTF_8), "emoji row"));
        out.add(withBody(base, ("名称\t类别\n" + "长".repeat(100_000) + "\tDEPARTMENT\n").getBytes(StandardCharsets.UTF_8), "huge cell"));
        out.add(withBody(base, "\t\t\t\n".repeat(50_000).getBytes(StandardCharsets.UTF_8), "50,000 empty rows"));
        byte[] zip = {0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6};
        out.add(withBody(base, zip, "truncated zip"));
        for (String type : List.of("application/json", "application/xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "image/png", "")) {
            Map<String, String> headers = new LinkedHashMap<>(base.headers());
            if (type.isEmpty()) {
                headers.remove("Content-Type");
            } else {
                headers.put("Content-Type", type);
            }
            out.add(new Case("content type '" + type + "'", base.method(), base.pathAndQuery(), headers, base.body()));
        }
        return out;
    }

    // ---- schemas -----------------------------------------------------------------------------------------

    private JsonNode resolve(JsonNode schema) {
        for (int depth = 0; depth < 10 && schema != null; depth++) {
            if (schema.has("$ref")) {
                String ref = schema.get("$ref").asText();
                schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (schema.has("allOf")) {
                schema = schema.get("allOf").get(0);
            } else if (schema.has("oneOf") || schema.has("anyOf")) {
                schema = (schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")).get(0);
            } else {
                return schema;
            }
        }
        return schema == null ? NODES.objectNode() : schema;
    }

    private static String typeOf(JsonNode schema) {
        String type = schema.path("type").asText("");
        if (type.isEmpty() && schema.has("properties")) {
            return "object";
        }
        return type.isEmpty() ? "string" : type;
    }

    /** A plausible value of a schema; ids by the field's name, dates in 2023. */
    private JsonNode sample(JsonNode raw, String field, int depth) {
        JsonNode schema = resolve(raw);
        if (depth > 4) {
            return NODES.nullNode();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        switch (typeOf(schema)) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(e -> o.set(e.getKey(), sample(e.getValue(), e.getKey(), depth + 1)));
                return o;
            }
            case "array" -> {
                return NODES.arrayNode().add(sample(schema.path("items"), field, depth + 1));
            }
            case "integer", "number" -> {
                return NODES.numberNode(field.toLowerCase().contains("year") ? 2023 : field.toLowerCase().contains("quarter") ? 3 : 1);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                if (isDate(field, schema)) {
                    return NODES.textNode("2023-09-07");
                }
                if (isId(field) || "uuid".equals(schema.path("format").asText())) {
                    return NODES.textNode(ids.own(kindOf(field)));
                }
                return NODES.textNode("模糊测试");
            }
        }
    }

    private static boolean isId(String name) {
        return name.endsWith("Id") || name.endsWith("Ids") || name.equals("id");
    }

    private static boolean isDate(String name, JsonNode schema) {
        return "date".equals(schema.path("format").asText()) || name.endsWith("On") || name.equals("asOf") || name.equals("date")
                || name.equals("from") || name.equals("to") || name.startsWith("due");
    }

    // ---- bytes -------------------------------------------------------------------------------------------

    private static byte[] bytes(JsonNode body) {
        try {
            byte[] json = JSON.writeValueAsBytes(body);
            String text = new String(json, StandardCharsets.UTF_8);
            String mark = JSON.writeValueAsString(NOT_UTF8_MARK);
            mark = mark.substring(1, mark.length() - 1);
            int at = text.indexOf(mark);
            if (at < 0) {
                return json;
            }
            byte[] before = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
            byte[] after = text.substring(at + mark.length()).getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[before.length + NOT_UTF8.length + after.length];
            System.arraycopy(before, 0, out, 0, before.length);
            System.arraycopy(NOT_UTF8, 0, out, before.length, NOT_UTF8.length);
            System.arraycopy(after, 0, out, before.length + NOT_UTF8.length, after.length);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Case withBody(Case base, byte[] body, String name) {
        return new Case(name, base.method(), base.pathAndQuery(), base.headers(), body);
    }

    private static Case withHeader(Case base, String header, String value, String name) {
        Map<String, String> headers = new LinkedHashMap<>(base.headers());
        headers.put(header, value);
        return new Case(name, base.method(), base.pathAndQuery(), headers, base.body());
    }

    private static String enc(String s) {
        return s == null ? null : URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 8) + "…(" + s.length() + ")" : s;
    }
}
