package io.duban.common.text;

/**
 * The characters no text of duban may hold: C0 controls other than tab and line breaks, and DEL. A NUL
 * makes PostgreSQL refuse the statement (a 500 where the client deserves a 400); the others are never
 * part of a name, a requirement or a note, only of mistakes and probes.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static boolean isForbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }

    /** The index of the first forbidden character of {@code s}, or -1. */
    public static int firstForbidden(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (isForbidden(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
