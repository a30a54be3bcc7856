package io.duban.task.proposal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.duban.task.common.Json;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** How {@link ProposalRepository} reads its rows into the 建议提案 records (a row's shape stays with the repository). */
final class ProposalRows {

    static final String SESSION_COLUMNS = "s.plan_id, s.region, p.title, p.year, s.body, s.session_name, s.reply_months, s.complex_reply_months, "
            + "s.co_opinion_months, s.redo_months, s.max_reopens, s.feedback_link_days";

    static final String PROPOSAL_COLUMNS = "task_id, region, plan_id, number, title, proposers::text as proposers, kind, assigned_on, complex, "
            + "lead_text, co_text, first_due, current_due, co_due, provisional, status, round, reopen_count, reopens_allowed, version";

    static final String REPLY_COLUMNS = "id, task_id, round, body, outcome, consultation, consulted_on, signer, contact_name, contact_phone, "
            + "doc_number, addressee, cc, issuer, plan_text, promised_on, replied_on, due_on, recorded_by, recorded_at, follow_up_task_id";

    static final String FEEDBACK_COLUMNS = "id, task_id, round, satisfaction, relevance, consultation, opinion, received_on, via, recorded_by, recorded_at";

    static final String EVALUATION_COLUMNS = "id, task_id, topic, analysis, feasibility, expression, excellent, comment, recorded_by, recorded_at";

    private ProposalRows() {
    }

    static SessionDto session(Row r) {
        return new SessionDto(r.getUUID("plan_id"), r.getString("region"), r.getString("title"), r.getInteger("year"),
                Terms.Body.valueOf(r.getString("body")), r.getString("session_name"), r.getInteger("reply_months"),
                r.getInteger("complex_reply_months"), r.getInteger("co_opinion_months"), r.getInteger("redo_months"),
                r.getInteger("max_reopens"), r.getInteger("feedback_link_days"));
    }

    static ProposalDto proposal(Row r) {
        return new ProposalDto(r.getUUID("task_id"), r.getString("region"), r.getUUID("plan_id"), r.getString("number"),
                r.getString("title"), Json.read(r.getString("proposers"), new TypeReference<List<String>>() { }),
                Terms.Kind.valueOf(r.getString("kind")), r.getLocalDate("assigned_on"), r.getBoolean("complex"),
                r.getString("lead_text"), r.getString("co_text"), r.getLocalDate("first_due"), r.getLocalDate("current_due"),
                r.getLocalDate("co_due"), r.getBoolean("provisional"), Terms.Status.valueOf(r.getString("status")),
                r.getInteger("round"), r.getInteger("reopen_count"), r.getInteger("reopens_allowed"), r.getLong("version"));
    }

    static ReplyDto reply(Row r) {
        LocalDate replied = r.getLocalDate("replied_on");
        LocalDate due = r.getLocalDate("due_on");
        return new ReplyDto(r.getUUID("id"), r.getUUID("task_id"), r.getInteger("round"), r.getString("body"),
                Terms.Outcome.valueOf(r.getString("outcome")), Terms.Consultation.valueOf(r.getString("consultation")),
                r.getLocalDate("consulted_on"), r.getString("signer"), r.getString("contact_name"), r.getString("contact_phone"),
                r.getString("doc_number"), r.getString("addressee"), r.getString("cc"), r.getString("issuer"), r.getString("plan_text"),
                r.getLocalDate("promised_on"), replied, due, !replied.isAfter(due), r.getString("recorded_by"),
                r.getOffsetDateTime("recorded_at").toInstant(), r.getUUID("follow_up_task_id"));
    }

    static FeedbackDto feedback(Row r) {
        return new FeedbackDto(r.getUUID("id"), r.getUUID("task_id"), r.getInteger("round"),
                Terms.Satisfaction.valueOf(r.getString("satisfaction")), Terms.Relevance.valueOf(r.getString("relevance")),
                Terms.Consultation.valueOf(r.getString("consultation")), r.getString("opinion"), r.getLocalDate("received_on"), Terms.Via.valueOf(r.getString("via")),
                r.getString("recorded_by"), r.getOffsetDateTime("recorded_at").toInstant());
    }

    static EvaluationDto evaluation(Row r) {
        int topic = r.getInteger("topic"), analysis = r.getInteger("analysis"), feasibility = r.getInteger("feasibility"),
                expression = r.getInteger("expression");
        return new EvaluationDto(r.getUUID("id"), r.getUUID("task_id"), topic, analysis, feasibility, expression,
                topic + analysis + feasibility + expression, r.getBoolean("excellent"), r.getString("comment"),
                r.getString("recorded_by"), r.getOffsetDateTime("recorded_at").toInstant());
    }
}
