package io.duban.org.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The complexity rule: at least 8 characters and three of the four classes. */
class PasswordPolicyTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Abcdef1!|true",      // all four
            "Abcdefg1|true",      // upper, lower, digit
            "abcdef1!|true",      // lower, digit, symbol
            "ABCDEF1!|true",      // upper, digit, symbol
            "Abcdefg!|true",      // upper, lower, symbol
            "督办Abcd12|true",     // CJK counts as a symbol
            "Abc1!|false",        // too short
            "Abcd1!x|false",      // 7 characters
            "abcdefgh|false",     // one class
            "abcdefg1|false",     // two classes
            "ABCDEFGH!|false",    // two classes
            "12345678!|false",    // two classes
            "Abcd 1234|false",    // white space
    })
    void rule(String password, boolean ok) {
        assertEquals(ok, PasswordPolicy.check(password).isEmpty(), password);
    }

    @org.junit.jupiter.api.Test
    void nullEmptyAndOverlongAreRefused() {
        assertTrue(PasswordPolicy.check(null).isPresent());
        assertTrue(PasswordPolicy.check("").isPresent());
        assertTrue(PasswordPolicy.check("Aa1!" + "x".repeat(69)).isPresent(), "73 bytes");
        assertTrue(PasswordPolicy.check("Aa1!" + "x".repeat(68)).isEmpty(), "72 bytes");
        assertEquals(PasswordPolicy.RULE, PasswordPolicy.check("short").orElseThrow());
    }

    @RepeatedTest(200)
    void generatedPasswordsPass() {
        String p = PasswordPolicy.generate();
        assertEquals(14, p.length());
        assertEquals(4, PasswordPolicy.classes(p), p);
        assertTrue(PasswordPolicy.check(p).isEmpty(), p);
    }
}
