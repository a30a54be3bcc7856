package io.duban.report.urge;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * 催办: the supervisor chases a unit on some of its items now; sent as an alert of kind URGE (its id is the
 * urge's) through the outbox; the unit's receipt (已阅) records who read it and when. {@code status} UNREAD | READ.
 */
public record Urge(UUID id, String unitId, String unitName, LocalDate day, String message, List<Item> items, String sentBy,
                   OffsetDateTime sentAt, String status, String readBy, OffsetDateTime readAt) {

    public static final String UNREAD = "UNREAD";
    public static final String READ = "READ";

    /** One urged item: an obligation (its task's 序号 and requirement) or a finding, with the day it is due. */
    public record Item(String kind, UUID id, Integer taskSeq, String title, LocalDate dueOn) {
    }

    /** {@code POST /urges}: no ids = all of the unit's overdue items (obligations and findings) today. */
    public record NewUrge(
            @jakarta.validation.constraints.NotBlank(message = "unitId 不能为空") @Size(max = 100, message = "unitId 过长") String unitId,
            @Size(max = 200, message = "obligationIds 最多 200 个") List<@jakarta.validation.constraints.NotNull(message = "不能含空项") UUID> obligationIds,
            @Size(max = 200, message = "findingIds 最多 200 个") List<@jakarta.validation.constraints.NotNull(message = "不能含空项") UUID> findingIds,
            @Size(max = 500, message = "message 不能超过 500 个字符") String message) {
    }
}
