package io.duban.report.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vectors computed with openssl (see each source); the signer must agree byte for byte. */
class WebhookSignerTest {

    /** {@code printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 's3cret'}. */
    @org.junit.jupiter.api.Test
    void genericSignsTimestampDotBodyAsHex() {
        Map<String, String> h = WebhookSigner.genericHeaders("s3cret", 1700000000L, "{\"a\":1}");
        assertEquals("1700000000", h.get("X-Duban-Timestamp"));
        assertEquals("sha256=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940", h.get("X-Duban-Signature"));
    }

    /** {@code printf "$ts\nSEC123" | openssl dgst -sha256 -hmac SEC123 -binary | base64}, then URL-encoded. */
    @ParameterizedTest
    @CsvSource({
        "1700000000000, lkcPI1uoxBY1gUnCnnPH1Kkru0Hqjo7rFpA3haIVhEQ%3D",
        "1700000000001, 4n%2FtO3%2BYGYUoZJiPWGS0p8ad4S5Hqf6XK8x1jgF00YI%3D",
        "1700000000002, F8SXnQnBsUW%2BufoS0YO2NXjDoOI7%2FXkiOnQ1pr6n%2Fxc%3D",
    })
    void dingTalkSignsTimestampNewlineSecretBase64UrlEncoded(long ts, String sign) {
        assertEquals(sign, WebhookSigner.dingTalkSign("SEC123", ts));
    }

    @ParameterizedTest
    @CsvSource({
        "https://oapi.dingtalk.com/robot/send?access_token=abc, https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000&sign=lkcPI1uoxBY1gUnCnnPH1Kkru0Hqjo7rFpA3haIVhEQ%3D",
        "http://127.0.0.1:9999/hook, http://127.0.0.1:9999/hook?timestamp=1700000000000&sign=lkcPI1uoxBY1gUnCnnPH1Kkru0Hqjo7rFpA3haIVhEQ%3D",
    })
    void dingTalkAppendsTimestampAndSignToTheWebhook(String url, String signed) {
        assertEquals(signed, WebhookSigner.dingTalkUrl(url, "SEC123", 1700000000000L));
    }
}
