package io.duban.task.proposal;

import java.util.UUID;

/** A proposal session: its plan and its rules. */
public record SessionDto(UUID planId, String region, String title, int year, Terms.Body body, String sessionName,
        int replyMonths, int complexReplyMonths, int coOpinionMonths, int redoMonths, int maxReopens, int feedbackLinkDays) {

    SessionRules rules() {
        return new SessionRules(replyMonths, complexReplyMonths, coOpinionMonths, redoMonths, maxReopens, feedbackLinkDays);
    }
}
