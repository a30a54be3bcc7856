package io.duban.org.responsibility;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The resolve API's JSON shapes (task-service's client depends on them: change only additively). */
public final class ResponsibilityDtos {

    private ResponsibilityDtos() {
    }

    public record ResolveRequest(@NotNull(message = "text 不能为空") String text) {
    }

    public record ResolveBatchRequest(@NotNull(message = "texts 不能为空") List<String> texts) {
    }

    public record AssignmentView(String unitId, String unitName, Role role, String matchedText) {
    }

    public record UnresolvedView(String text, Resolution.Reason reason, List<String> suggestions) {
    }

    /** {@code notes}: bracketed annotations that name no unit ("涉密信息除外"), for the task's note. */
    public record ResolutionView(List<AssignmentView> assignments, List<UnresolvedView> unresolved, List<String> notes) {
        public static ResolutionView from(Resolution r) {
            return new ResolutionView(
                    r.assignments().stream()
                            .map(a -> new AssignmentView(a.unitId().toString(), a.unitName(), a.role(), a.matchedText()))
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
