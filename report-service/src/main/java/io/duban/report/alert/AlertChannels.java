package io.duban.report.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.duban.common.problem.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A region's webhook channels: a default one, an optional supervisor one (督办 escalations) and
 * optional per-unit ones. A unit's alerts go to its own channel, else the default; escalations to
 * the supervisor channel, else the default. The request body of {@code PUT /alert-channels} and
 * the stored document (with secrets); {@link View} is what reads return (secrets never).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertChannels(@JsonProperty("default") Channel defaultChannel, Channel supervisor,
                            Map<String, Channel> units) {

    /** More units than any county has; keeps one region's document small. */
    static final int MAX_UNITS = 2000;

    /**
     * One webhook. {@code secret} on a PUT: absent keeps the stored secret of the same slot, "" removes
     * it, a value replaces it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Channel(String url, String format, String secret) {

        AlertFormat alertFormat() {
            return AlertFormat.valueOf(format.toUpperCase(Locale.ROOT));
        }

        boolean hasSecret() {
            return secret != null && !secret.isEmpty();
        }
    }

    /** A channel as read back: the secret only as {@code secretSet}. */
    public record ChannelView(String url, String format, boolean secretSet) {
        static ChannelView of(Channel c) {
            return c == null ? null : new ChannelView(c.url(), c.format(), c.hasSecret());
        }
    }

    /** The channels as read back; {@code version} travels as the ETag. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(@JsonProperty("default") ChannelView defaultChannel, ChannelView supervisor,
                       Map<String, ChannelView> units) {
    }

    /** A channel chosen for an alert, with the name shown in the alert list. */
    public record Resolved(String name, Channel channel) {
    }

    /** The same channels with every secret passed through {@code f} (sealing for the database, opening from it). */
    AlertChannels mapSecrets(java.util.function.UnaryOperator<String> f) {
        java.util.function.UnaryOperator<Channel> c = ch -> ch == null || ch.secret() == null ? ch
                : new Channel(ch.url(), ch.format(), f.apply(ch.secret()));
        Map<String, Channel> u = null;
        if (units != null) {
            u = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, Channel> e : units.entrySet()) {
                u.put(e.getKey(), c.apply(e.getValue()));
            }
        }
        return new AlertChannels(c.apply(defaultChannel), c.apply(supervisor), u);
    }

    public Map<String, Channel> unitsOrEmpty() {
        return units == null ? Map.of() : units;
    }

    public View view() {
        Map<String, ChannelView> u = new LinkedHashMap<>();
        unitsOrEmpty().forEach((k, v) -> u.put(k, ChannelView.of(v)));
        return new View(ChannelView.of(defaultChannel), ChannelView.of(supervisor), u);
    }

    /** Where an alert of {@code kind} about {@code unitId} goes. */
    public Optional<Resolved> route(AlertKind kind, String unitId) {
        if (kind == AlertKind.ESCALATION && supervisor != null) {
            return Optional.of(new Resolved("supervisor", supervisor));
        }
        if (kind != AlertKind.ESCALATION && unitsOrEmpty().get(unitId) != null) {
            return Optional.of(new Resolved("unit:" + unitId, unitsOrEmpty().get(unitId)));
        }
        return Optional.ofNullable(defaultChannel).map(c -> new Resolved("default", c));
    }

    /** Problems of a PUT body: a default channel is required; every URL must be allowed; formats known. */
    public List<FieldError> validate(WebhookAllowList allowList) {
        List<FieldError> errors = new ArrayList<>();
        if (defaultChannel == null) {
            errors.add(new FieldError("default", "缺少默认通知渠道"));
        } else {
            check("default", defaultChannel, allowList, errors);
        }
        if (supervisor != null) {
            check("supervisor", supervisor, allowList, errors);
        }
        if (unitsOrEmpty().size() > MAX_UNITS) {
            errors.add(new FieldError("units", "单位渠道最多 " + MAX_UNITS + " 个"));
            return errors;
        }
        unitsOrEmpty().forEach((unit, c) -> {
            if (unit.isBlank() || unit.length() > 100) {
                errors.add(new FieldError("units", "单位标识不能为空且不超过 100 个字符"));
            } else if (c == null) {
                errors.add(new FieldError("units." + unit, "缺少通知渠道"));
            } else {
                check("units." + unit, c, allowList, errors);
            }
        });
        return errors;
    }

    private static void check(String field, Channel c, WebhookAllowList allowList, List<FieldError> errors) {
        allowList.reject(c.url()).ifPresent(m -> errors.add(new FieldError(field + ".url", m)));
        if (c.url() != null && c.url().length() > 2000) {
            errors.add(new FieldError(field + ".url", "Webhook 地址过长"));
        }
        AlertFormat format = null;
        try {
            format = c.format() == null ? null : c.alertFormat();
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (format == null) {
            errors.add(new FieldError(field + ".format", "format 应为 GENERIC、DINGTALK 或 WECOM"));
        } else if (format == AlertFormat.WECOM && c.hasSecret()) {
            errors.add(new FieldError(field + ".secret", "企业微信群机器人不支持签名，请不要填写 secret"));
        }
        if (c.secret() != null && c.secret().length() > 500) {
            errors.add(new FieldError(field + ".secret", "secret 过长"));
        }
    }

    /**
     * This PUT body with secrets completed from {@code stored}: a channel that names no secret keeps
     * the secret its slot had, an empty one drops it. Formats are normalised to upper case.
     */
    public AlertChannels withSecretsFrom(AlertChannels stored) {
        Map<String, Channel> u = new LinkedHashMap<>();
        unitsOrEmpty().forEach((k, v) -> u.put(k, merge(v, stored == null ? null : stored.unitsOrEmpty().get(k))));
        return new AlertChannels(merge(defaultChannel, stored == null ? null : stored.defaultChannel()),
                merge(supervisor, stored == null ? null : stored.supervisor()), u);
    }

    private static Channel merge(Channel given, Channel stored) {
        if (given == null) {
            return null;
        }
        String secret = given.secret() != null ? given.secret() : stored == null ? null : stored.secret();
        if (secret != null && secret.isEmpty()) {
            secret = null;
        }
        if (given.alertFormat() == AlertFormat.WECOM) {
            secret = null;
        }
        return new Channel(given.url().trim(), given.alertFormat().name(), secret);
    }
}
