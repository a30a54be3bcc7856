package io.duban.report.bulletin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A quarterly 通报: DRAFT while the supervisor may still edit {@code nextSteps} (下一步工作要求),
 * PUBLISHED once issued, after which nothing in it changes. {@code content} was computed at creation.
 */
public record Bulletin(UUID id, String region, int year, int quarter, LocalDate asOf, String status, long version,
                       String createdBy, OffsetDateTime createdAt, String publishedBy, OffsetDateTime publishedAt,
                       String nextSteps, BulletinContent content) {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";

    /** A list entry without the content. */
    public record Summary(UUID id, int year, int quarter, LocalDate asOf, String status, long version, String title,
                          OffsetDateTime createdAt, OffsetDateTime publishedAt) {
    }
}
