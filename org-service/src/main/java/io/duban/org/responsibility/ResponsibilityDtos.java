package io.duban.org.responsibility;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The resolve API's JSON shapes (task-service's client depends on them: change only additively). */
public final class ResponsibilityDtos {

    private ResponsibilityDtos() {
    }

    /** {@code year}: the plan's year; names a unit had then (its former names) match too. */
    public record ResolveRequest(@NotNull(message = "text 不能为空") String text,
                                 @Min(value = 1949, message = "year 应在 1949–2200 之间") @Max(value = 2200, message = "year 应在 1949–2200 之间")
                                 Integer year) {
    }

    /** {@code year}: the plan's year; names a unit had then (its former names) match too. */
    public record ResolveBatchRequest(@NotNull(message = "texts 不能为空") List<String> texts,
                                      @Min(value = 1949, message = "year 应在 1949–2200 之间") @Max(value = 2200, message = "year 应在 1949–2200 之间")
                                      Integer year) {
    }

    /** {@code formerName}: present when the text named the unit by a former name valid in the plan's year. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AssignmentView(String unitId, String unitName, Role role, String matchedText, String formerName) {
    }

    public record UnresolvedView(String text, Resolution.Reason reason, List<String> suggestions) {
    }

    /** {@code notes}: bracketed annotations that name no unit ("涉密信息除外"), for the task's note. */
    public record ResolutionView(List<AssignmentView> assignments, List<UnresolvedView> unresolved, List<String> notes) {
        public static ResolutionView from(Resolution r) {
            return new ResolutionView(
                    r.assignments().stream()
                            .map(a -> new AssignmentView(a.unitId().toString(), a.unitName(), a.role(), a.matchedText(), a.formerName()))
                            .toList(),
                    r.unresolved().stream()
                            .map(u -> new UnresolvedView(u.text(), u.reason(), u.suggestions()))
                            .toList(),
                    r.notes());
        }
    }

    public record BatchView(List<ResolutionView> results) {
    }
}
