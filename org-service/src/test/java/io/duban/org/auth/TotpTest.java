package io.duban.org.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 Appendix B test vectors (8 digits) and the verification window. */
class TotpTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0} {2}")
    @CsvSource({
            "59, 94287082, HmacSHA1", "59, 46119246, HmacSHA256", "59, 90693936, HmacSHA512",
            "1111111109, 07081804, HmacSHA1", "1111111109, 68084774, HmacSHA256", "1111111109, 25091201, HmacSHA512",
            "1111111111, 14050471, HmacSHA1", "1111111111, 67062674, HmacSHA256", "1111111111, 99943326, HmacSHA512",
            "1234567890, 89005924, HmacSHA1", "1234567890, 91819424, HmacSHA256", "1234567890, 93441116, HmacSHA512",
            "2000000000, 69279037, HmacSHA1", "2000000000, 90698825, HmacSHA256", "2000000000, 38618901, HmacSHA512",
            "20000000000, 65353130, HmacSHA1", "20000000000, 77737706, HmacSHA256", "20000000000, 47863826, HmacSHA512"})
    void rfc6238AppendixB(long time, String expected, String algorithm) {
        byte[] seed = switch (algorithm) {
            case "HmacSHA1" -> SHA1_SEED;
            case "HmacSHA256" -> SHA256_SEED;
            default -> SHA512_SEED;
        };
        assertEquals(expected, Totp.code(seed, Totp.step(time), 8, algorithm));
    }

    @Test
    void sixDigitCodeIsTheLastSixOfTheTruncation() {
        // RFC 4226 Appendix D: counter 1 of the same seed gives 287082 with 6 digits
        assertEquals("287082", Totp.code(SHA1_SEED, 1));
    }

    @Test
    void acceptsOneStepEitherSideAndNoMore() {
        long now = 1_700_000_000L;
        long step = Totp.step(now);
        for (long s = step - 3; s <= step + 3; s++) {
            boolean inWindow = Math.abs(s - step) <= 1;
            var found = Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, s), now);
            assertEquals(inWindow, found.isPresent(), "step offset " + (s - step));
            if (inWindow) {
                assertEquals(s, found.getAsLong());
            }
        }
        assertTrue(Totp.verify(SHA1_SEED, "12345", now).isEmpty());
        assertTrue(Totp.verify(SHA1_SEED, "abcdef", now).isEmpty());
        assertTrue(Totp.verify(SHA1_SEED, null, now).isEmpty());
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertEquals("MZXW6YTBOI", Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(SHA1_SEED));
        byte[] seed = Totp.newSeed();
        assertArrayEquals(seed, Totp.fromBase32(Totp.base32(seed)));
        assertEquals(32, Totp.base32(seed).length());
    }

    @Test
    void uriNamesIssuerAccountAndParameters() {
        String uri = Totp.uri("duban 督办", "dsj_admin", SHA1_SEED);
        assertTrue(uri.startsWith("otpauth://totp/duban%20%E7%9D%A3%E5%8A%9E:dsj_admin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), uri);
        assertTrue(uri.endsWith("&algorithm=SHA1&digits=6&period=30"), uri);
    }
}
