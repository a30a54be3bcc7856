package io.duban.deadlines.text;

import java.text.Normalizer;

/**
 * The one normalisation of the cells of the real tables before anything reads them (时限要求 here, 责任单位 in
 * org-service's {@code NormalizedText}, which folds code point by code point to remember positions): NFKC, so
 * full-width digits, letters and punctuation become ASCII, and every white space, control and format character
 * dropped (the tables break words across lines; zero-width spaces and byte-order marks come with pasted text).
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** NFKC, then drop white space and control/format characters. */
    public static String normalize(String text) {
        if (isPlain(text)) {
            // ASCII and CJK unified ideographs are NFKC-stable: only white space needs to go.
            StringBuilder b = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c > ' ') {
                    b.append(c);
                }
            }
            return b.length() == text.length() ? text : b.toString();
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(cp -> {
            if (!isDropped(cp)) {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    /** What no reader compares: white space, control and format characters, and what is no character at all. */
    public static boolean isDropped(int cp) {
        int type = Character.getType(cp);
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.CONTROL
                || type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.SURROGATE;
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = c == ' ' || c == '\t' || (c > ' ' && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)
                    || c == '、' || c == '“' || c == '”' || c == '《' || c == '》' || c == '〔' || c == '〕';
            if (!plain) {
                return false;
            }
        }
        return true;
    }
}
