package io.duban.org.auth;

import io.duban.org.credential.AuthConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.common.security.SigningKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key org-service signs access tokens with (DUBAN_JWT_PRIVATE_KEY) and the public keys every service verifies
 * them with (DUBAN_JWT_PUBLIC_KEY: one PEM key, or a JWKS file holding two keys during a rotation). The kid of a
 * key is derived from the key itself, so the signer and a JWKS built by {@code ./duban} agree without a setting.
 */
@ApplicationScoped
public class SigningKeys {

    @Inject
    AuthConfig config;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String verifyLocation;

    private PrivateKey privateKey;
    private RSAPublicKey publicKey;
    private String keyId;

    @PostConstruct
    void load() {
        SigningKey key = SigningKey.load(config.privateKeyLocation());
        privateKey = key.privateKey();
        publicKey = key.publicKey();
        keyId = config.keyId().filter(s -> !s.isBlank()).orElse(key.kid());
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return keyId;
    }

    public static String kidOf(PublicKey key) {
        return SigningKey.kidOf(key);
    }

    /**
     * The JWKS to publish: the verification keys this service is configured with (a JWKS passed through, a PEM key
     * given its kid) and the signing key if it is not among them.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> jwks() {
        List<Map<String, Object>> keys = new ArrayList<>();
        try {
            String text = new String(read(verifyLocation), StandardCharsets.UTF_8).strip();
            if (text.startsWith("{")) {
                Map<String, Object> doc = json.readValue(text, Map.class);
                for (Map<String, Object> k : (List<Map<String, Object>>) doc.getOrDefault("keys", List.of())) {
                    keys.add(publicOnly(k));
                }
            } else {
                RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBody(text.getBytes(StandardCharsets.US_ASCII))));
                keys.add(jwk(pub, kidOf(pub)));
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // the verification keys are read by smallrye-jwt as well; publishing the signing key alone is still right
        }
        if (keys.stream().noneMatch(k -> keyId.equals(k.get("kid")))) {
            keys.add(jwk(publicKey, keyId));
        }
        return Map.of("keys", keys);
    }

    static Map<String, Object> jwk(RSAPublicKey key, String kid) {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("kty", "RSA");
        k.put("use", "sig");
        k.put("alg", "RS256");
        k.put("kid", kid);
        k.put("n", b64(key.getModulus()));
        k.put("e", b64(key.getPublicExponent()));
        return k;
    }

    private static Map<String, Object> publicOnly(Map<String, Object> k) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : List.of("kty", "use", "alg", "kid", "n", "e")) {
            if (k.containsKey(name)) {
                out.put(name, k.get(name));
            }
        }
        return out;
    }

    private static String b64(BigInteger v) {
        byte[] bytes = v.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] pemBody(byte[] pem) {
        String s = new String(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(s);
    }

    static byte[] read(String location) {
        return SigningKey.read(location);
    }
}
