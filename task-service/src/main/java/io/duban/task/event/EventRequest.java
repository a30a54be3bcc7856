package io.duban.task.event;

import io.duban.deadlines.rule.Trigger;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** POST /assignments/{id}/events: e.g. 信息形成 of a named document on a date. */
public record EventRequest(
        @NotNull(message = "trigger 不能为空") Trigger trigger,
        @NotNull(message = "发生日期不能为空") LocalDate occurredOn,
        OffsetDateTime occurredAt,
        @NotBlank(message = "事件标题不能为空") @Size(max = 500, message = "事件标题不超过 500 字") String title) {
}
