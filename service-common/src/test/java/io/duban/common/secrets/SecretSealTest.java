package io.duban.common.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretSealTest {

    static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    @Test
    void sealsAndOpensAndNeverShowsTheSecret() {
        SecretSeal seal = new SecretSeal(key(), List.of());
        String sealed = seal.seal("SEC-dingtalk-0123456789", "370323|default");
        assertTrue(sealed.startsWith("sealed:v1:" + seal.currentKid() + ":"));
        assertFalse(sealed.contains("dingtalk"));
        assertNotEquals(sealed, seal.seal("SEC-dingtalk-0123456789", "370323|default"), "a fresh nonce each time");
        assertEquals("SEC-dingtalk-0123456789", seal.openText(sealed, "370323|default"));
        assertFalse(seal.needsResealing(sealed));
        assertTrue(seal.needsResealing("clear text"));
    }

    @Test
    void anotherRowsAssociatedDataAWrongKeyOrAnEditDoNotOpen() {
        byte[] k = key();
        SecretSeal seal = new SecretSeal(k, List.of());
        String sealed = seal.seal("s3cret", "370323|a");
        assertThrows(SecretSeal.SealException.class, () -> seal.open(sealed, "370323|b"));
        SecretSeal other = new SecretSeal(key(), List.of());
        assertThrows(SecretSeal.SealException.class, () -> other.open(sealed, "370323|a"), "unknown kid");
        String forgedKid = sealed.replace(seal.currentKid(), other.currentKid());
        assertThrows(SecretSeal.SealException.class, () -> other.open(forgedKid, "370323|a"), "a wrong key fails the tag");
        char[] c = sealed.toCharArray();
        // not in the last base64 quantum, whose padding bits a flip may leave the decoded bytes unchanged by
        c[c.length - 8] = c[c.length - 8] == 'A' ? 'B' : 'A';
        assertThrows(SecretSeal.SealException.class, () -> seal.open(new String(c), "370323|a"));
        assertThrows(SecretSeal.SealException.class, () -> seal.open("s3cret", "370323|a"), "clear text is not sealed");
    }

    @Test
    void afterARotationOldValuesOpenUntilResealedUnderTheNewKey() {
        byte[] old = key();
        String before = new SecretSeal(old, List.of()).seal("seed", "aad");
        SecretSeal rotated = new SecretSeal(key(), List.of(old));
        assertEquals("seed", rotated.openText(before, "aad"));
        assertTrue(rotated.needsResealing(before));
        String after = rotated.seal(rotated.open(before, "aad"), "aad");
        assertFalse(rotated.needsResealing(after));
        assertThrows(SecretSeal.SealException.class, () -> new SecretSeal(old, List.of()).open(after, "aad"));
    }

    @Test
    void keysComeAsBase64OrAsAFileWithTheCurrentKeyFirst() throws Exception {
        byte[] current = key();
        byte[] old = key();
        Path file = Files.createTempFile("duban-secrets", ".key");
        Files.writeString(file, "# rotated\n" + Base64.getEncoder().encodeToString(current) + "\n" + Base64.getEncoder().encodeToString(old) + "\n");
        SecretSeal fromFile = SecretKeys.build(file.toString(), List.of());
        assertEquals(SecretSeal.kid(current), fromFile.currentKid());
        assertEquals("x", fromFile.openText(new SecretSeal(old, List.of()).seal("x", "a"), "a"));
        SecretSeal fromText = SecretKeys.build(Base64.getEncoder().encodeToString(current), List.of(Base64.getEncoder().encodeToString(old)));
        assertEquals(fromFile.currentKid(), fromText.currentKid());
        assertThrows(IllegalArgumentException.class, () -> new SecretSeal(new byte[16], List.of()));
        Files.delete(file);
    }
}
