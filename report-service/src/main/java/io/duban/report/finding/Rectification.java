package io.duban.report.finding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The facts of a finding's 整改 loop (append-only) and the bodies that create them. */
public final class Rectification {

    private Rectification() {
    }

    /** The unit's report that it rectified the problem (已整改). */
    public record Report(UUID id, UUID findingId, String note, List<String> evidenceUrls, LocalDate rectifiedOn,
                         String reportedBy, OffsetDateTime reportedAt) {
    }

    /** The supervisor's 复核 of a report: PASS closes the finding (销号), FAIL sends it back with the comment. */
    public record Verification(UUID id, UUID findingId, UUID rectificationId, String decision, String comment,
                               String verifiedBy, OffsetDateTime verifiedAt) {
    }

    /** A finding with its loop so far, oldest first. */
    public record History(Finding finding, List<Report> rectifications, List<Verification> verifications) {
    }

    /** {@code POST /findings/{id}/rectifications}. */
    public record NewReport(
            @NotBlank(message = "note（整改情况）不能为空") @Size(max = 4000, message = "note 不能超过 4000 个字符") String note,
            @Size(max = 20, message = "evidenceUrls 最多 20 个")
            List<@NotBlank(message = "evidenceUrls 不能含空项") @Size(max = 2000, message = "链接不能超过 2000 个字符")
            @Pattern(regexp = "https?://\\S+", message = "链接应以 http:// 或 https:// 开头") String> evidenceUrls,
            @NotNull(message = "rectifiedOn（整改完成日期）不能为空") LocalDate rectifiedOn) {
    }

    /** {@code POST /findings/{id}/verification}. */
    public record NewVerification(
            @NotNull(message = "decision 不能为空") @Pattern(regexp = "PASS|FAIL", message = "decision 应为 PASS 或 FAIL") String decision,
            @NotBlank(message = "comment（复核意见）不能为空") @Size(max = 2000, message = "comment 不能超过 2000 个字符") String comment) {
    }
}
