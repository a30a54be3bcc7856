package io.duban.org.directory;

import io.duban.deadlines.text.TextNormalizer;

/**
 * A 责任单位 text in the one spelling the resolver compares: the deadlines library's {@link TextNormalizer}
 * (the same normalisation the 时限 parser reads): full-width letters and punctuation folded to half-width
 * (NFKC: （）→(), ，→, ；→;), every kind of white space, line break, control and format character
 * removed (the real tables break names across lines); 〔【[ read as (, and 、 inside a phrase ("部门、单位", "各镇、街道",
 * "各镇（街道、经济开发区）") not read as a separator. Each
 * character remembers where it came from so matches can be reported in the caller's own text.
 */
public final class NormalizedText {

    private final String original;
    private final String text;
    private final int[] start;
    private final int[] end;

    private NormalizedText(String original, String text, int[] start, int[] end) {
        this.original = original;
        this.text = text;
        this.start = start;
        this.end = end;
    }

    public static NormalizedText of(String original) {
        StringBuilder sb = new StringBuilder(original.length());
        int[] st = new int[original.length() * 2 + 4];
        int[] en = new int[st.length];
        int i = 0;
        while (i < original.length()) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp >= 0x4E00 && cp <= 0x9FFF) {
                // CJK ideographs are already in their one spelling (the common case; NFKC is costly).
                if (sb.length() == st.length) {
                    st = java.util.Arrays.copyOf(st, st.length * 2);
                    en = java.util.Arrays.copyOf(en, en.length * 2);
                }
                st[sb.length()] = i;
                en[sb.length()] = next;
                sb.append((char) cp);
            } else {
                // one code point at a time, so each folded character remembers where it came from
                String folded = brackets(TextNormalizer.normalize(new String(Character.toChars(cp))));
                for (int k = 0; k < folded.length(); k++) {
                    char c = folded.charAt(k);
                    if (sb.length() == st.length) {
                        st = java.util.Arrays.copyOf(st, st.length * 2);
                        en = java.util.Arrays.copyOf(en, en.length * 2);
                    }
                    st[sb.length()] = i;
                    en[sb.length()] = next;
                    sb.append(c);
                }
            }
            i = next;
        }
        // 、 inside one phrase is not a separator: "所有部门、单位", "除…外的部门、单位", the group spellings
        // "各镇、街道" (2018) and "各镇（街道）、经济开发区", and anything inside brackets ("各镇（街道、经济开发区）").
        StringBuilder out = new StringBuilder(sb.length());
        int[] st2 = new int[sb.length()];
        int[] en2 = new int[sb.length()];
        int depth = 0;
        for (int k = 0; k < sb.length(); k++) {
            char c = sb.charAt(k);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            }
            if (c == '、' && (depth > 0 || joins(sb, k))) {
                continue;
            }
            st2[out.length()] = st[k];
            en2[out.length()] = en[k];
            out.append(c);
        }
        return new NormalizedText(original, out.toString(), st2, en2);
    }

    /** Whether the 、 at k sits inside one of the phrases that are written with it. */
    private static boolean joins(CharSequence s, int k) {
        return endsWith(s, k, "部门") && startsWith(s, k + 1, "单位")
                || endsWith(s, k, "各镇") && startsWith(s, k + 1, "街道")
                || endsWith(s, k, "各镇(街道)") && startsWith(s, k + 1, "经济开发区");
    }

    private static boolean endsWith(CharSequence s, int end, String w) {
        return end >= w.length() && s.subSequence(end - w.length(), end).toString().equals(w);
    }

    private static boolean startsWith(CharSequence s, int from, String w) {
        return from + w.length() <= s.length() && s.subSequence(from, from + w.length()).toString().equals(w);
    }

    /** The comparison key of a name: normalised, and a leading county name (沂源县…) read as 县. */
    public static String key(String name) {
        return stripCounty(of(name).text);
    }

    public static String stripCounty(String s) {
        if (s.length() >= 5 && s.charAt(2) == '县' && isHan(s.charAt(0)) && isHan(s.charAt(1))
                && s.charAt(0) != '县' && s.charAt(1) != '县' && s.charAt(0) != '市' && s.charAt(0) != '省') {
            return s.substring(2);
        }
        return s;
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    public char charAt(int i) {
        return text.charAt(i);
    }

    /** The caller's own text behind normalised positions [from, to). */
    public String original(int from, int to) {
        if (from >= to) {
            return "";
        }
        return original.substring(start[from], end[to - 1]).strip();
    }

    /** The brackets and commas the tables use for the ones the resolver reads. */
    private static String brackets(String n) {
        return switch (n) {
            case "﹑", "､" -> "、";
            case "〔", "【", "[" -> "(";
            case "〕", "】", "]" -> ")";
            default -> n;
        };
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
