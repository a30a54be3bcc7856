package io.duban.report.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** When alerts are decided and how they are delivered. The 临期 window is {@code duban.obligations.due-soon-workdays}. */
@ConfigMapping(prefix = "duban.alerts")
public interface AlertConfig {

    /** Cron of the daily run (Quartz syntax, in {@link #timeZone()}); "off" disables it. */
    @WithDefault("0 30 8 * * ?")
    String cron();

    /** Time zone of the cron and of "today". */
    @WithDefault("Asia/Shanghai")
    String timeZone();

    /** Items overdue more than this many working days are also sent to the supervisor channel (督办). */
    @WithDefault("5")
    int escalateAfterWorkdays();

    /** Hosts webhooks may point at: exact names, IP literals, or {@code *.suffix}. */
    @WithDefault("oapi.dingtalk.com,qyapi.weixin.qq.com")
    List<String> allowedHosts();

    /**
     * When alerts (daily ones and 催办) are sent: HH:mm-HH:mm on working days, in {@link #timeZone()}; "always"
     * sends at any time. Outside, they wait in the outbox for the next working day's window.
     */
    @WithDefault("08:30-18:00")
    String sendingHours();

    Delivery delivery();

    /** The outbox worker. */
    interface Delivery {

        /** How often the worker looks for due alerts; "off" disables it. */
        @WithDefault("5s")
        String interval();

        /** Alerts claimed per round. */
        @WithDefault("50")
        int batchSize();

        /** Requests in flight at once per worker: group robots and small receivers refuse floods. */
        @WithDefault("4")
        int concurrency();

        /** Attempts before an alert is FAILED. */
        @WithDefault("8")
        int maxAttempts();

        /** First retry delay; doubles per attempt up to {@link #backoffMax()}. */
        @WithDefault("30s")
        Duration backoffInitial();

        @WithDefault("1h")
        Duration backoffMax();

        /** Share of a delay taken off at random (0–1). */
        @WithDefault("0.2")
        double backoffJitter();

        @WithDefault("3s")
        Duration connectTimeout();

        /** Time allowed for the receiver's answer. */
        @WithDefault("10s")
        Duration readTimeout();

        /** How long a claimed alert is reserved for the worker that claimed it (longer than a send can take). */
        @WithDefault("60s")
        Duration lease();
    }
}
