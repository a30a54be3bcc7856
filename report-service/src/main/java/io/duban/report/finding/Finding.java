package io.duban.report.finding;

import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * 抽测/检查问题: a problem the supervisor found at a unit, with deduction points. Append-only:
 * {@code voids} names an earlier finding this one corrects (its points replace the earlier ones;
 * 0 withdraws it); {@code voidedBy} is set on a finding a later one corrected. {@code rectification} is the state
 * of its 整改 loop ({@link RectificationRules}), due by {@code rectifyBy}; {@code version} changes with each step of
 * the loop and is the ETag a verification must send.
 */
public record Finding(UUID id, String unitId, String unitName, LocalDate foundOn, String source, String description,
                      BigDecimal points, UUID voids, UUID voidedBy, String recordedBy, OffsetDateTime recordedAt,
                      LocalDate rectifyBy, String rectification, long version) {

    public Finding(UUID id, String unitId, String unitName, LocalDate foundOn, String source, String description,
                   BigDecimal points, UUID voids, UUID voidedBy, String recordedBy, OffsetDateTime recordedAt) {
        this(id, unitId, unitName, foundOn, source, description, points, voids, voidedBy, recordedBy, recordedAt, null,
                RectificationRules.NOT_REQUIRED, 1);
    }

    /** Where a finding came from. */
    public enum Source { DAILY_CHECK, QUARTERLY_CHECK, SPECIAL_CHECK;

        /** 日常抽测 / 季度检查 / 专项检查, as documents name them. */
        public String label() {
            return switch (this) {
                case DAILY_CHECK -> "日常抽测";
                case QUARTERLY_CHECK -> "季度检查";
                case SPECIAL_CHECK -> "专项检查";
            };
        }
    }

    static Finding from(Row r) {
        return new Finding(r.getUUID("id"), r.getString("unit_id"), r.getString("unit_name"), r.getLocalDate("found_on"),
                r.getString("source"), r.getString("description"), plain(r.getBigDecimal("points")), r.getUUID("voids"),
                r.getUUID("voided_by"), r.getString("recorded_by"), r.getOffsetDateTime("recorded_at"),
                r.getLocalDate("rectify_by"), r.getString("rectification_state"), r.getLong("rectification_version"));
    }

    /** 3.00 → 3, 1.50 → 1.5 (the column keeps two decimals; documents and JSON show what was entered). */
    static BigDecimal plain(BigDecimal p) {
        BigDecimal s = p.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Overdue for 整改 as of {@code asOf}. */
    public boolean overdueOn(LocalDate asOf) {
        return RectificationRules.overdue(rectification, rectifyBy, voidedBy != null, asOf);
    }

    /** 整改情况 as of {@code asOf}, as documents show it. */
    public String rectificationLabel(LocalDate asOf) {
        return RectificationRules.label(rectification, overdueOn(asOf));
    }

    public boolean effective() {
        return voidedBy == null;
    }

    public String sourceLabel() {
        try {
            return Source.valueOf(source).label();
        } catch (IllegalArgumentException e) {
            return source;
        }
    }
}
