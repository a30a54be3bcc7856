package io.duban.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SessionCodecTest {

    static final Session SESSION = new Session("access.jwt.token", "refresh-1", 1_700_000_000L, "a1", "jyj", "联络员",
            "unit", "370323", "u-1", "县教育和体育局", false, "csrf-token", 1_700_000_100L, false);

    final SessionCodec codec = new SessionCodec(new byte[32]);

    @Test
    void aSealedSessionOpensToTheSameSession() {
        assertEquals(SESSION, codec.open(codec.seal(SESSION)).orElseThrow());
    }

    @Test
    void theCookieHidesTheTokens() {
        String sealed = codec.seal(SESSION);
        String decoded = new String(Base64.getUrlDecoder().decode(sealed), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(!decoded.contains("access.jwt.token") && !decoded.contains("refresh-1"));
        assertNotEquals(sealed, codec.seal(SESSION), "a fresh nonce each time");
    }

    @Test
    void anAlteredCookieDoesNotOpen() {
        char[] sealed = codec.seal(SESSION).toCharArray();
        sealed[20] = sealed[20] == 'A' ? 'B' : 'A';
        assertTrue(codec.open(new String(sealed)).isEmpty());
        assertTrue(codec.open("not-a-cookie").isEmpty());
        assertTrue(codec.open("").isEmpty());
    }

    @Test
    void aCookieSealedWithAnotherKeyDoesNotOpen() {
        byte[] other = new byte[32];
        other[0] = 1;
        assertTrue(new SessionCodec(other).open(codec.seal(SESSION)).isEmpty());
    }

    @Test
    void onlyPathsOfThisSiteAreFollowedAfterSignIn() {
        assertEquals("/plans/1?asOf=2023-10-09", LoginPage.safeNext("/plans/1?asOf=2023-10-09"));
        assertEquals(null, LoginPage.safeNext("//evil.example/x"));
        assertEquals(null, LoginPage.safeNext("https://evil.example/"));
        assertEquals(null, LoginPage.safeNext("/\\evil.example"));
        assertEquals(null, LoginPage.safeNext(null));
    }
}
