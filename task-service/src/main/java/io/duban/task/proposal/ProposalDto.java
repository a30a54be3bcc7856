package io.duban.task.proposal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One 建议/提案 ({@code id} is its task's id). {@code replyDue}: the open round's due day (a reopened proposal's new one);
 * {@code firstDue}: the first round's, against which on time or late is judged; {@code provisional}: a due day in a year
 * without a published holiday schedule.
 */
public record ProposalDto(UUID id, String region, UUID planId, String number, String title, List<String> proposers,
        Terms.Kind kind, LocalDate assignedOn, boolean complex, String leadUnits, String coUnits, LocalDate firstDue,
        LocalDate replyDue, LocalDate coOpinionDue, boolean provisional, Terms.Status status, int round, int reopenCount,
        int reopensAllowed, long version) {

    /** 提案者 as printed: 王某某、李某某. */
    public String proposersText() {
        return String.join("、", proposers);
    }
}
