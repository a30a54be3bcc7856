package io.duban.report.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which webhook URLs the service may call (no requests to arbitrary hosts: SSRF). A URL passes when
 * it is http(s), carries no user info, and its host is listed exactly or matches a {@code *.suffix}
 * entry (a subdomain, not the suffix itself). IP literals pass only when listed exactly.
 */
public final class WebhookAllowList {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private final List<String> hosts;

    public WebhookAllowList(List<String> hosts) {
        this.hosts = hosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    /** Why {@code url} may not be called (Chinese, for the problem detail), or empty when it may. */
    public Optional<String> reject(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("缺少 Webhook 地址");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of("Webhook 地址格式不正确");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("Webhook 地址只能是 http 或 https");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("Webhook 地址不能包含用户名或密码");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("Webhook 地址缺少主机名");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") || IPV4.matcher(host).matches()) {
            return hosts.contains(host) ? Optional.empty() : Optional.of("主机 " + host + " 不在允许的 Webhook 主机名单中");
        }
        for (String allowed : hosts) {
            if (allowed.equals(host) || (allowed.startsWith("*.") && host.endsWith(allowed.substring(1)))) {
                return Optional.empty();
            }
        }
        return Optional.of("主机 " + host + " 不在允许的 Webhook 主机名单中");
    }
}
