package io.duban.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One 建议/提案 of a session (issue 18) as its handling stands: the id is its task's, {@code planId} the session's.
 * {@code firstDue} is the first round's reply day (on time or late is judged against it), {@code currentDue} the open
 * round's; {@code firstRepliedOn} the first round's reply, null before it; {@code outcome} (A–D) the latest reply's,
 * {@code satisfaction} (SATISFIED, BASICALLY_SATISFIED, UNSATISFIED) the latest feedback's, null when none;
 * {@code status} ASSIGNED, ANSWERED, REOPENED or CLOSED. The units are the task's LEAD (主办) and CO (协办) assignments.
 */
public record ProposalSnapshot(UUID id, String region, UUID planId, String number, String kind, LocalDate assignedOn,
        LocalDate firstDue, LocalDate currentDue, String status, int round, int reopenCount, LocalDate firstRepliedOn,
        String outcome, String satisfaction, long version) implements Snapshot {

    @Override
    @JsonIgnore
    public ChangeType changeType() {
        return ChangeType.PROPOSAL;
    }
}
