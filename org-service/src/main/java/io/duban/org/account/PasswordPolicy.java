package io.duban.org.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The password rule of GB/T 22239-2019 level 3 as duban reads it: at least 8 characters, at least three of the four
 * classes upper-case letter, lower-case letter, digit, symbol (anything else but white space), and at most 72 bytes
 * in UTF-8 (bcrypt reads no further, so a longer password would be silently cut). Also makes random passwords that
 * pass it.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_BYTES = 72;
    public static final String RULE = "密码至少8位，且包含大写字母、小写字母、数字、符号中的三类";

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#%+-=?@_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    /** Why the password is not acceptable, in Chinese; empty when it is. */
    public static Optional<String> check(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(RULE);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("密码过长（最多72字节，约24个汉字或72个字母）");
        }
        if (password.codePoints().anyMatch(Character::isWhitespace) || password.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("密码不能包含空格或控制字符");
        }
        return classes(password) >= 3 ? Optional.empty() : Optional.of(RULE);
    }

    /** How many of the four classes the password uses. */
    static int classes(String password) {
        boolean upper = false, lower = false, digit = false, symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    /** A random 14-character password with all four classes, without look-alike characters (0/O, 1/l/I). */
    public static String generate() {
        List<Character> chars = new ArrayList<>();
        chars.add(pick(UPPER));
        chars.add(pick(LOWER));
        chars.add(pick(DIGITS));
        chars.add(pick(SYMBOLS));
        String all = UPPER + LOWER + DIGITS + SYMBOLS;
        while (chars.size() < 14) {
            chars.add(pick(all));
        }
        Collections.shuffle(chars, RANDOM);
        StringBuilder sb = new StringBuilder();
        chars.forEach(sb::append);
        return sb.toString();
    }

    private static char pick(String from) {
        return from.charAt(RANDOM.nextInt(from.length()));
    }
}
