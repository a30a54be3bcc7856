package io.duban.common.web;

import io.duban.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque {@code after=} cursor of a keyset-paged list: the sort key of the last item a client has seen, bound
 * to the list it came from. The next page starts right after that key with an index seek, so page 400 costs what
 * page 1 does, and rows inserted meanwhile neither repeat nor shift the pages.
 *
 * <p>A list names its {@code scope} (list name, region and every filter that changes which rows it holds); the
 * cursor carries a digest of it, so a cursor of another list, region or filter is a 400 like a malformed one,
 * never a silently wrong page. The key's values are typed by the list ({@link #decode}); a value of the wrong type
 * is a 400 too. Nothing in a cursor is secret: it only says where a page starts.
 */
public final class KeysetCursor {

    /** The query parameter every keyset list reads. */
    public static final String PARAM = "after";
    private static final String VERSION = "k1";
    private static final int MAX_LENGTH = 2_000;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private KeysetCursor() {
    }

    /**
     * The cursor after an item whose sort key is {@code key} (String, UUID, Integer, Short, Long, LocalDate or Boolean
     * values, in the list's ORDER BY order) in the list {@code scope}.
     */
    public static String encode(String scope, Object... key) {
        StringBuilder out = new StringBuilder(VERSION).append('.').append(digest(scope));
        for (Object v : key) {
            out.append('.');
            if (v == null) {
                out.append('~');
            } else if (v instanceof String || v instanceof UUID || v instanceof Integer || v instanceof Short
                    || v instanceof Long || v instanceof LocalDate || v instanceof Boolean) {
                out.append(B64.encodeToString(v.toString().getBytes(StandardCharsets.UTF_8)));
            } else {
                throw new IllegalArgumentException("no cursor form for " + v.getClass());
            }
        }
        return out.toString();
    }

    /**
     * The sort key in {@code cursor}, one value per type in {@code types}; null when there is no cursor (the first
     * page). A malformed cursor, or one of another scope, is a 400 naming {@code after}.
     */
    public static Object[] decode(String cursor, String scope, Class<?>... types) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String raw = cursor.strip();
        if (raw.length() > MAX_LENGTH) {
            throw malformed();
        }
        String[] parts = raw.split("\\.", -1);
        if (parts.length != types.length + 2 || !VERSION.equals(parts[0])) {
            throw malformed();
        }
        if (!digest(scope).equals(parts[1])) {
            throw ProblemException.invalidField(PARAM, "after 游标不属于这个列表（其他列表、行政区划或筛选条件的游标），请从第一页重新翻页。");
        }
        Object[] key = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            key[i] = value(parts[i + 2], types[i]);
        }
        return key;
    }

    private static Object value(String part, Class<?> type) {
        if ("~".equals(part)) {
            return null;
        }
        try {
            String text = new String(B64D.decode(part), StandardCharsets.UTF_8);
            if (type == String.class) {
                return text;
            }
            if (type == UUID.class) {
                UUID id = Ids.parse(text);
                if (id == null) {
                    throw malformed();
                }
                return id;
            }
            if (type == Integer.class) {
                return Integer.valueOf(text);
            }
            if (type == Short.class) {
                return Short.valueOf(text);
            }
            if (type == Long.class) {
                return Long.valueOf(text);
            }
            if (type == LocalDate.class) {
                return LocalDate.parse(text);
            }
            if (type == Boolean.class && ("true".equals(text) || "false".equals(text))) {
                return Boolean.valueOf(text);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // NumberFormatException and a bad base64 alphabet are IllegalArgumentExceptions too
            throw malformed();
        }
        throw malformed();
    }

    private static ProblemException malformed() {
        return ProblemException.invalidField(PARAM, "after 游标格式不正确，请使用上一页返回的 next。");
    }

    /** 72 bits of the scope's SHA-256: enough that two lists never share a cursor by accident. */
    private static String digest(String scope) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8));
            return B64.encodeToString(java.util.Arrays.copyOf(d, 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A list item with its sort key, as a repository reads it (the key need not be part of the item's API form). */
    public record Keyed<T>(T item, Object[] key) {
    }
}
