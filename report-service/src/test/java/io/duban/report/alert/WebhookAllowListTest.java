package io.duban.report.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookAllowListTest {

    private final WebhookAllowList list = new WebhookAllowList(
            List.of("oapi.dingtalk.com", " QYAPI.weixin.qq.com", "*.example.org:8080", "127.0.0.1", "127.0.0.1:9999", "[::1]:*"));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "https://oapi.dingtalk.com/robot/send?access_token=x, true",
        "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k, true",
        "HTTPS://OAPI.DINGTALK.COM/robot/send, true",
        "http://hooks.example.org:8080/a, true",
        "http://a.b.example.org/a, true",
        "http://example.org/a, false",
        "http://evilexample.org/a, false",
        "http://oapi.dingtalk.com.evil.com/, false",
        "http://127.0.0.1:9999/hook, true",
        "http://127.0.0.1/hook, true",
        "http://127.0.0.1:5432/, false",
        "http://oapi.dingtalk.com:5432/, false",
        "https://oapi.dingtalk.com:443/robot/send, true",
        "http://oapi.dingtalk.com:80/robot/send, true",
        "http://oapi.dingtalk.com:99999/, false",
        "http://a.example.org:8081/, false",
        "http://[::1]:9999/hook, true",
        "http://127.0.0.2/, false",
        "http://169.254.169.254/latest/meta-data, false",
        "http://2130706433/, false",
        "http://user:pw@oapi.dingtalk.com/, false",
        "http://oapi.dingtalk.com@169.254.169.254/, false",
        "ftp://oapi.dingtalk.com/, false",
        "file:///etc/passwd, false",
        "oapi.dingtalk.com/robot, false",
        "http://, false",
        "'http://exa mple.org/', false",
    })
    void allowsOnlyListedHostsOverHttp(String url, boolean allowed) {
        assertEquals(allowed, list.reject(url).isEmpty(), () -> String.valueOf(list.reject(url)));
    }

    @org.junit.jupiter.api.Test
    void saysWhyInChinese() {
        assertEquals("主机 evil.com 不在允许的 Webhook 主机名单中", list.reject("https://evil.com/x").orElseThrow());
        assertEquals("Webhook 地址只能是 http 或 https", list.reject("gopher://oapi.dingtalk.com").orElseThrow());
    }
}
