package io.duban.task.proposal;

import io.vertx.mutiny.sqlclient.Row;
import java.util.UUID;

/** A proposal session: its plan and its rules. */
public record SessionDto(UUID planId, String region, String title, int year, Terms.Body body, String sessionName,
        int replyMonths, int complexReplyMonths, int coOpinionMonths, int redoMonths, int maxReopens, int feedbackLinkDays) {

    static final String COLUMNS = "s.plan_id, s.region, p.title, p.year, s.body, s.session_name, s.reply_months, s.complex_reply_months, "
            + "s.co_opinion_months, s.redo_months, s.max_reopens, s.feedback_link_days";

    static SessionDto from(Row r) {
        return new SessionDto(r.getUUID("plan_id"), r.getString("region"), r.getString("title"), r.getInteger("year"),
                Terms.Body.valueOf(r.getString("body")), r.getString("session_name"), r.getInteger("reply_months"),
                r.getInteger("complex_reply_months"), r.getInteger("co_opinion_months"), r.getInteger("redo_months"),
                r.getInteger("max_reopens"), r.getInteger("feedback_link_days"));
    }

    SessionRules rules() {
        return new SessionRules(replyMonths, complexReplyMonths, coOpinionMonths, redoMonths, maxReopens, feedbackLinkDays);
    }
}
