package io.duban.report.alert;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a delivery with the channel's secret. GENERIC: headers {@code X-Duban-Timestamp} (epoch
 * seconds) and {@code X-Duban-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}.
 * DINGTALK: the robot's 加签 scheme, {@code &timestamp=<ms>&sign=<urlencode(base64(HMAC-SHA256(secret,
 * timestamp + "\n" + secret)))>} appended to the webhook URL. WECOM robots have no signing.
 */
public final class WebhookSigner {

    public static final String SIGNATURE_HEADER = "X-Duban-Signature";
    public static final String TIMESTAMP_HEADER = "X-Duban-Timestamp";

    private WebhookSigner() {
    }

    /** The GENERIC signature headers for a body sent at {@code epochSeconds}. */
    public static Map<String, String> genericHeaders(String secret, long epochSeconds, String body) {
        String ts = Long.toString(epochSeconds);
        return Map.of(TIMESTAMP_HEADER, ts,
                SIGNATURE_HEADER, "sha256=" + HexFormat.of().formatHex(hmac(secret, ts + "." + body)));
    }

    /** The DingTalk robot's {@code sign} for {@code timestampMillis}, URL-encoded. */
    public static String dingTalkSign(String secret, long timestampMillis) {
        String base64 = Base64.getEncoder().encodeToString(hmac(secret, timestampMillis + "\n" + secret));
        return URLEncoder.encode(base64, StandardCharsets.UTF_8);
    }

    /** The webhook URL with DingTalk's {@code timestamp} and {@code sign} query parameters. */
    public static String dingTalkUrl(String url, String secret, long timestampMillis) {
        return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestampMillis + "&sign="
                + dingTalkSign(secret, timestampMillis);
    }

    static byte[] hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
