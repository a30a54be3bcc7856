package io.duban.task.tableimport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What task-service can tell about a 责任单位 text without knowing the units (org-service resolves
 * the names): whether a text reads as a list of units, and which bracketed annotations in it name
 * no unit at all ("（涉密信息除外）" is a note on the task; "（改革办）" ends like a unit and is left
 * for the resolver).
 */
final class UnitText {

    /** How a unit's or a group's name ends in these documents. */
    private static final Pattern UNIT_END = Pattern.compile(
            ".*(局|办|委|部|中心|大队|支队|队|政府|办事处|管委会|院|所|会|站|社|行|公司|室|单位|部门|街道|镇|集团|厅|馆|团|联|处|科|分局|机构|企业|组)$");
    private static final Pattern UNIT_START = Pattern.compile("^(除|各|所有|全县|县直|县委|县政府|市|县|省).*");
    private static final Pattern ROLE_WORD = Pattern.compile("牵头|配合|负责|协助|参与|落实");
    private static final Pattern SEPARATOR = Pattern.compile("[、，,；;]");

    /** A 责任单位 text and the annotations taken out of it (null when none). */
    record Annotated(String text, String note) {
    }

    private UnitText() {
    }

    /** Whether most of the text's segments are names of units or groups ("县司法局", "所有部门、单位", "除…外的部门、单位"). */
    static boolean looksLikeUnits(String text) {
        if (text == null) {
            return false;
        }
        String t = ROLE_WORD.matcher(text.strip()).replaceAll("");
        if (t.isEmpty() || t.length() > 600 || t.endsWith("。")) {
            return false;
        }
        String[] parts = SEPARATOR.split(t);
        int named = 0;
        int total = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = bracketsOff(parts[i]).strip();
            if (p.isEmpty()) {
                continue;
            }
            total++;
            boolean unit = p.length() <= 40 && (UNIT_END.matcher(p).matches() || p.startsWith("除") && p.contains("外"));
            if (total == 1 && !unit) {
                return false;
            }
            if (unit) {
                named++;
            }
        }
        return total > 0 && named * 2 >= total;
    }

    private static String bracketsOff(String s) {
        return s.replaceAll("[（(][^（()）]*[)）]", "").replaceAll("[（()）]", "");
    }

    /** Takes bracketed annotations that name no unit and carry no role word out of a 责任单位 text. */
    static Annotated annotations(String text) {
        if (text == null || (text.indexOf('(') < 0 && text.indexOf('（') < 0)) {
            return new Annotated(text == null ? "" : text, null);
        }
        StringBuilder kept = new StringBuilder();
        List<String> notes = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '(' || c == '（') {
                int close = closing(text, i);
                if (close > 0) {
                    String inner = text.substring(i + 1, close).strip();
                    if (!inner.isEmpty() && !ROLE_WORD.matcher(inner).find() && !looksLikeUnits(inner)
                            && !UNIT_START.matcher(inner).matches()) {
                        notes.add(inner);
                        i = close + 1;
                        continue;
                    }
                }
            }
            kept.append(c);
            i++;
        }
        if (notes.isEmpty()) {
            return new Annotated(text, null);
        }
        String rest = kept.toString().strip().replaceAll("^[、，,；;\\s]+|[、，,；;\\s]+$", "");
        return new Annotated(rest, String.join("；", notes));
    }

    /** Index of the bracket closing the one at {@code open} (either width), or -1. */
    static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '（') {
                depth++;
            } else if (c == ')' || c == '）') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
