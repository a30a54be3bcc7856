package io.duban.report.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which webhook URLs the service may call (no requests to arbitrary hosts: SSRF). A URL passes when
 * it is http(s), carries no user info, and its host is listed exactly or matches a {@code *.suffix}
 * entry (a subdomain, not the suffix itself). IP literals pass only when listed exactly. The port
 * must be 80 or 443 (or none) unless the entry names it: {@code host:8080}, or {@code host:*} for
 * any port of that host (a local test receiver); otherwise a webhook could probe the service's
 * neighbours' ports ({@code :5432}).
 */
public final class WebhookAllowList {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern WITH_PORT = Pattern.compile("(.+):(\\d{1,5}|\\*)");
    private static final Set<Integer> WEB_PORTS = Set.of(-1, 80, 443);
    private final List<String> hosts;
    /** Per host entry, the ports it allows besides 80 and 443 ("*" any). */
    private final Map<String, Set<String>> ports = new HashMap<>();

    public WebhookAllowList(List<String> entries) {
        List<String> names = new ArrayList<>();
        for (String raw : entries) {
            String e = raw.trim().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            Matcher m = WITH_PORT.matcher(e);
            // "[::1]" alone is an IPv6 literal, "[::1]:9999" one with a port; a bare "::1" is never a port form
            if (m.matches() && (!e.startsWith("[") || m.group(1).endsWith("]"))) {
                names.add(m.group(1));
                ports.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(m.group(2));
            } else {
                names.add(e);
            }
        }
        this.hosts = List.copyOf(new LinkedHashSet<>(names));
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
        if (uri.getPort() > 65535) {
            return Optional.of("Webhook 地址的端口不正确");
        }
        if (host.startsWith("[") || IPV4.matcher(host).matches()) {
            return hosts.contains(host) ? portOf(host, uri.getPort()) : Optional.of("主机 " + host + " 不在允许的 Webhook 主机名单中");
        }
        for (String allowed : hosts) {
            if (allowed.equals(host) || (allowed.startsWith("*.") && host.endsWith(allowed.substring(1)))) {
                return portOf(allowed, uri.getPort());
            }
        }
        return Optional.of("主机 " + host + " 不在允许的 Webhook 主机名单中");
    }

    private Optional<String> portOf(String entry, int port) {
        Set<String> extra = ports.getOrDefault(entry, Set.of());
        if (WEB_PORTS.contains(port) || extra.contains("*") || extra.contains(String.valueOf(port))) {
            return Optional.empty();
        }
        return Optional.of("Webhook 地址只能使用 80 或 443 端口（端口 " + port + " 未在允许名单中配置）");
    }
}
