package io.duban.org.directory;

import java.text.Normalizer;

/**
 * A 责任单位 text in the one spelling the resolver compares: full-width letters and punctuation
 * folded to half-width (NFKC: （）→(), ，→, ；→;), every kind of white space and line break
 * removed (the real tables break names across lines), and "部门、单位" read as one phrase. Each
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
            } else if (!isBlank(cp)) {
                String folded = fold(new String(Character.toChars(cp)));
                for (int k = 0; k < folded.length(); k++) {
                    char c = folded.charAt(k);
                    if (isBlank(c)) {
                        continue;
                    }
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
        // "所有部门、单位" and "除…外的部门、单位" use 、 inside one phrase; it is not a separator there.
        StringBuilder out = new StringBuilder(sb.length());
        int[] st2 = new int[sb.length()];
        int[] en2 = new int[sb.length()];
        for (int k = 0; k < sb.length(); k++) {
            char c = sb.charAt(k);
            if (c == '、' && k >= 2 && sb.charAt(k - 2) == '部' && sb.charAt(k - 1) == '门'
                    && k + 2 < sb.length() && sb.charAt(k + 1) == '单' && sb.charAt(k + 2) == '位') {
                continue;
            }
            st2[out.length()] = st[k];
            en2[out.length()] = en[k];
            out.append(c);
        }
        return new NormalizedText(original, out.toString(), st2, en2);
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

    private static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        return switch (n) {
            case "﹑", "､" -> "、";
            case "〔", "【", "[" -> "(";
            case "〕", "】", "]" -> ")";
            default -> n;
        };
    }

    private static boolean isBlank(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x200B || cp == 0xFEFF;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
