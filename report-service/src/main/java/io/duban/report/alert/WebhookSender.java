package io.duban.report.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * Posts one alert to its channel's webhook: routes it, re-checks the host against the allow-list,
 * formats and signs the body, and judges the receiver's answer. Knows nothing of the outbox.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    public static final String ALERT_ID_HEADER = "X-Duban-Alert-Id";

    /** The result of one attempt: sent, or an error and whether retrying can help. */
    record Outcome(boolean sent, String channel, AlertFormat format, String error, boolean permanent) {
        static Outcome failed(String channel, AlertFormat format, String error, boolean permanent) {
            return new Outcome(false, channel, format, error, permanent);
        }
    }

    @Inject
    AlertConfig config;

    @Inject
    ObjectMapper json;

    private HttpClient http;

    @PostConstruct
    void init() {
        // Never follow redirects: a listed host must not be able to send us to an unlisted one.
        http = HttpClient.newBuilder().connectTimeout(config.delivery().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Uni<Outcome> send(AlertOutbox.Claimed c) {
        Optional<AlertChannels.Resolved> route = c.channels() == null ? Optional.empty() : c.channels().route(c.kind(), c.unitId());
        if (route.isEmpty()) {
            return Uni.createFrom().item(Outcome.failed(null, null, "本地区未配置通知渠道", true));
        }
        String name = route.get().name();
        AlertChannels.Channel channel = route.get().channel();
        AlertFormat format = channel.alertFormat();
        // The allow-list may have shrunk since the channel was configured: check again before every request.
        Optional<String> rejected = new WebhookAllowList(config.allowedHosts()).reject(channel.url());
        if (rejected.isPresent()) {
            return Uni.createFrom().item(Outcome.failed(name, format, rejected.get(), true));
        }
        AlertMessage message = new AlertMessage(c.id(), c.region(), c.date(), c.unitId(), c.unitName(), c.kind(), c.items(),
                c.note());
        String body = WebhookPayloads.body(format, message);
        String url = channel.url();
        HttpRequest.Builder req = HttpRequest.newBuilder().timeout(config.delivery().readTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(ALERT_ID_HEADER, c.id().toString());
        if (channel.hasSecret() && format == AlertFormat.DINGTALK) {
            url = WebhookSigner.dingTalkUrl(url, channel.secret(), System.currentTimeMillis());
        } else if (channel.hasSecret() && format == AlertFormat.GENERIC) {
            WebhookSigner.genericHeaders(channel.secret(), System.currentTimeMillis() / 1000, body).forEach(req::header);
        }
        HttpRequest request;
        try {
            request = req.uri(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Outcome.failed(name, format, "Webhook 地址无效", true));
        }
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(resp -> judge(name, format, resp))
                .onFailure().recoverWithItem(e -> Outcome.failed(name, format, describe(e), false));
    }

    /** 2xx is success; the robots answer 200 with {@code errcode} ≠ 0 when they refuse a message (bad sign, rate limit). */
    private Outcome judge(String name, AlertFormat format, HttpResponse<String> resp) {
        String body = resp.body() == null ? "" : resp.body();
        // The receiver's body is not kept: it is the receiver's text (it may echo anything, secrets included).
        if (resp.statusCode() / 100 != 2) {
            LOG.debugf("alert receiver %s answered %d", name, resp.statusCode());
            return Outcome.failed(name, format, "HTTP " + resp.statusCode() + "（接收方未接受）", false);
        }
        if (format != AlertFormat.GENERIC) {
            try {
                JsonNode n = json.readTree(body);
                if (n != null && n.has("errcode") && n.get("errcode").asInt() != 0) {
                    LOG.warnf("alert robot %s refused a message: errcode %d", name, n.get("errcode").asInt());
                    return Outcome.failed(name, format, "HTTP 200 errcode " + n.get("errcode").asInt() + "（机器人拒收）", false);
                }
            } catch (java.io.IOException e) {
                // not JSON: a 2xx is taken as accepted
            }
        }
        return new Outcome(true, name, format, null, false);
    }

    private static String describe(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        // a short reason only: the exception (class, host, port) goes to the log, not to lastError
        if (t instanceof HttpTimeoutException) {
            return "接收方超时未响应";
        }
        if (t instanceof ConnectException) {
            return "无法连接接收方";
        }
        LOG.warnf(t, "alert delivery failed");
        return "投递失败（详见服务日志）";
    }
}
