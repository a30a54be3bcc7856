package io.duban.task.proposal;

import io.duban.common.problem.ProblemException;
import io.duban.common.sql.PagedQuery;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.task.common.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Sessions, proposals, replies, feedback, links, evaluations and 协办意见 in SQL. */
@ApplicationScoped
public class ProposalRepository {

    @Inject
    Pool pool;

    public Uni<Void> insertSession(SqlClient tx, String region, UUID planId, Terms.Body body, String sessionName, SessionRules r) {
        return tx.preparedQuery("insert into proposal_session (region, plan_id, body, session_name, reply_months, complex_reply_months, "
                        + "co_opinion_months, redo_months, max_reopens, feedback_link_days) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .execute(Tuple.tuple(Arrays.asList(region, planId, body.name(), sessionName, r.replyMonths(), r.complexReplyMonths(),
                        r.coOpinionMonths(), r.redoMonths(), r.maxReopens(), r.feedbackLinkDays())))
                .replaceWithVoid();
    }

    /** The session, or 404; {@code lock}: FOR UPDATE of the plan row (numbering proposals one at a time). */
    public Uni<SessionDto> session(SqlClient client, String region, UUID planId, boolean lock) {
        return client.preparedQuery("select " + ProposalRows.SESSION_COLUMNS + " from proposal_session s join plan p on p.region = s.region "
                        + "and p.id = s.plan_id where s.region = $1 and s.plan_id = $2" + (lock ? " for update of p" : ""))
                .execute(Tuple.of(region, planId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("建议提案办理会议不存在：" + planId);
                    }
                    return ProposalRows.session(rows.iterator().next());
                });
    }

    public Uni<Page<SessionDto>> sessions(String region, PageRequest page) {
        return PagedQuery.page(pool, "select " + ProposalRows.SESSION_COLUMNS + " from proposal_session s join plan p on p.region = s.region "
                        + "and p.id = s.plan_id where s.region = $1 order by p.year desc, s.session_name, s.plan_id",
                "select count(*) from proposal_session where region = $1", List.of(region), page, ProposalRows::session);
    }

    public Uni<Integer> nextSeq(SqlClient tx, String region, UUID planId) {
        return tx.preparedQuery("select coalesce(max(seq), 0) + 1 from task where region = $1 and plan_id = $2")
                .execute(Tuple.of(region, planId)).map(rows -> rows.iterator().next().getInteger(0));
    }

    /** Numbers of the session already taken, among {@code numbers}. */
    public Uni<List<String>> takenNumbers(SqlClient tx, String region, UUID planId, List<String> numbers) {
        return tx.preparedQuery("select number from proposal where region = $1 and plan_id = $2 and number = any($3::text[]) order by number")
                .execute(Tuple.of(region, planId, numbers.toArray(String[]::new)))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString(0)));
                    return out;
                });
    }

    public Uni<Void> insertAll(SqlClient tx, List<ProposalDto> all) {
        List<Tuple> batch = new ArrayList<>();
        for (ProposalDto p : all) {
            batch.add(Tuple.tuple(Arrays.asList(p.region(), p.id(), p.planId(), p.number(), p.title(), Json.write(p.proposers()),
                    p.kind().name(), p.assignedOn(), p.complex(), p.leadUnits(), p.coUnits(), p.firstDue(), p.replyDue(),
                    p.coOpinionDue(), p.provisional(), p.status().name(), p.reopensAllowed())));
        }
        return tx.preparedQuery("insert into proposal (region, task_id, plan_id, number, title, proposers, kind, assigned_on, complex, "
                        + "lead_text, co_text, first_due, current_due, co_due, provisional, status, reopens_allowed) "
                        + "values ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)")
                .executeBatch(batch).replaceWithVoid();
    }

    /** The proposal, or 404; {@code lock}: FOR UPDATE (a reply or feedback moves it on). */
    public Uni<ProposalDto> get(SqlClient client, String region, UUID id, boolean lock) {
        return client.preparedQuery("select " + ProposalRows.PROPOSAL_COLUMNS + " from proposal where region = $1 and task_id = $2"
                        + (lock ? " for update" : ""))
                .execute(Tuple.of(region, id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw notFound(id);
                    }
                    return ProposalRows.proposal(rows.iterator().next());
                });
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("建议提案不存在：" + id);
    }

    /** A session's proposals by number; a unit sees those it is 主办 or 协办 of. */
    public Uni<Page<ProposalDto>> list(String region, UUID planId, UUID unitScope, PageRequest page) {
        String scoped = unitScope == null ? "" : " and exists (select 1 from assignment a where a.region = $1 and a.task_id = proposal.task_id "
                + "and a.active and a.unit_id = $3)";
        List<Object> args = new ArrayList<>(List.of(region, planId));
        if (unitScope != null) {
            args.add(unitScope);
        }
        return PagedQuery.page(pool, "select " + ProposalRows.PROPOSAL_COLUMNS + " from proposal where region = $1 and plan_id = $2" + scoped
                        + " order by length(number), number, task_id",
                "select count(*) from proposal where region = $1 and plan_id = $2" + scoped, args, page, ProposalRows::proposal);
    }

    /** The unit's active roles (LEAD, CO) on the proposal's task. */
    public Uni<List<String>> rolesOf(SqlClient client, String region, UUID taskId, UUID unitId) {
        return client.preparedQuery("select role from assignment where region = $1 and task_id = $2 and unit_id = $3 and active")
                .execute(Tuple.of(region, taskId, unitId))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString(0)));
                    return out;
                });
    }

    public Uni<List<ProposalDetail.UnitRole>> units(SqlClient client, String region, UUID taskId) {
        return client.preparedQuery("select unit_id, unit_name, role from assignment where region = $1 and task_id = $2 and active "
                        + "order by case role when 'LEAD' then 0 else 1 end, unit_name, id")
                .execute(Tuple.of(region, taskId))
                .map(rows -> map(rows, r -> new ProposalDetail.UnitRole(r.getUUID("unit_id"), r.getString("unit_name"), r.getString("role"))));
    }

    /** Moves the proposal on: status, round, due day, reopen count; bumps the version. */
    public Uni<ProposalDto> advance(SqlClient tx, ProposalDto p, Terms.Status status, int round, LocalDate currentDue, int reopenCount,
            int reopensAllowed) {
        return tx.preparedQuery("update proposal set status = $3, round = $4, current_due = $5, reopen_count = $6, reopens_allowed = $7, "
                        + "version = version + 1 where region = $1 and task_id = $2 returning " + ProposalRows.PROPOSAL_COLUMNS)
                .execute(Tuple.tuple(Arrays.asList(p.region(), p.id(), status.name(), round, currentDue, reopenCount, reopensAllowed)))
                .map(rows -> ProposalRows.proposal(rows.iterator().next()));
    }

    public Uni<ReplyDto> insertReply(SqlClient tx, String region, UUID taskId, int round, ReplyRequest r, LocalDate repliedOn,
            LocalDate dueOn, String who) {
        return tx.preparedQuery("insert into proposal_reply (region, id, task_id, round, body, outcome, consultation, consulted_on, signer, "
                        + "contact_name, contact_phone, doc_number, addressee, cc, issuer, plan_text, promised_on, replied_on, due_on, recorded_by, "
                        + "recorded_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) "
                        + "returning " + ProposalRows.REPLY_COLUMNS)
                .execute(Tuple.tuple(Arrays.asList(region, UUID.randomUUID(), taskId, round, r.text().strip(), r.outcome().name(),
                        r.consultation().name(), r.consultedOn(), r.signer().strip(), r.contactName().strip(), r.contactPhone().strip(),
                        blank(r.docNumber()), blank(r.addressee()), blank(r.cc()), blank(r.issuer()), blank(r.planText()), r.promisedOn(), repliedOn, dueOn,
                        who, now())))
                .map(rows -> ProposalRows.reply(rows.iterator().next()));
    }

    /** Names the follow-up task of a B reply. */
    public Uni<ReplyDto> followUp(SqlClient tx, String region, UUID replyId, UUID taskId) {
        return tx.preparedQuery("update proposal_reply set follow_up_task_id = $3 where region = $1 and id = $2 returning "
                        + ProposalRows.REPLY_COLUMNS)
                .execute(Tuple.of(region, replyId, taskId))
                .map(rows -> ProposalRows.reply(rows.iterator().next()));
    }

    public Uni<List<ReplyDto>> replies(SqlClient client, String region, UUID taskId) {
        return client.preparedQuery("select " + ProposalRows.REPLY_COLUMNS + " from proposal_reply where region = $1 and task_id = $2 order by round")
                .execute(Tuple.of(region, taskId)).map(rows -> map(rows, ProposalRows::reply));
    }

    public Uni<FeedbackDto> insertFeedback(SqlClient tx, String region, UUID taskId, int round, FeedbackRequest f, LocalDate receivedOn,
            Terms.Via via, String who) {
        return tx.preparedQuery("insert into proposal_feedback (region, id, task_id, round, satisfaction, relevance, consultation, opinion, "
                        + "received_on, via, recorded_by, recorded_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning " + ProposalRows.FEEDBACK_COLUMNS)
                .execute(Tuple.tuple(Arrays.asList(region, UUID.randomUUID(), taskId, round, f.satisfaction().name(), f.relevance().name(),
                        f.consultation().name(), blank(f.opinion()), receivedOn, via.name(), who, now())))
                .map(rows -> ProposalRows.feedback(rows.iterator().next()));
    }

    public Uni<List<FeedbackDto>> feedback(SqlClient client, String region, UUID taskId) {
        return client.preparedQuery("select " + ProposalRows.FEEDBACK_COLUMNS + " from proposal_feedback where region = $1 and task_id = $2 order by round")
                .execute(Tuple.of(region, taskId)).map(rows -> map(rows, ProposalRows::feedback));
    }

    public Uni<Void> insertLink(SqlClient tx, String region, String tokenHash, UUID taskId, int round, Instant expiresAt, String who) {
        return tx.preparedQuery("insert into proposal_feedback_link (region, token_hash, task_id, round, expires_at, created_by) "
                        + "values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.tuple(Arrays.asList(region, tokenHash, taskId, round, expiresAt.atOffset(ZoneOffset.UTC), who)))
                .replaceWithVoid();
    }

    /** A link that is unused and unexpired: its proposal id and round. */
    public record OpenLink(UUID taskId, int round) {
    }

    public Uni<Optional<OpenLink>> openLink(SqlClient client, String region, String tokenHash) {
        return client.preparedQuery("select task_id, round from proposal_feedback_link where region = $1 and token_hash = $2 "
                        + "and used_at is null and expires_at > now()")
                .execute(Tuple.of(region, tokenHash))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(new OpenLink(rows.iterator().next().getUUID("task_id"), rows.iterator().next().getInteger("round"))));
    }

    /** Uses the link: the conditional UPDATE lets exactly one of concurrent submissions through. */
    public Uni<Optional<OpenLink>> useLink(SqlClient tx, String region, String tokenHash) {
        return tx.preparedQuery("update proposal_feedback_link set used_at = now() where region = $1 and token_hash = $2 "
                        + "and used_at is null and expires_at > now() returning task_id, round")
                .execute(Tuple.of(region, tokenHash))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(new OpenLink(rows.iterator().next().getUUID("task_id"), rows.iterator().next().getInteger("round"))));
    }

    public Uni<EvaluationDto> insertEvaluation(SqlClient tx, String region, UUID taskId, EvaluationRequest e, String who) {
        return tx.preparedQuery("insert into proposal_evaluation (region, id, task_id, topic, analysis, feasibility, expression, excellent, "
                        + "comment, recorded_by, recorded_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning "
                        + ProposalRows.EVALUATION_COLUMNS)
                .execute(Tuple.tuple(Arrays.asList(region, UUID.randomUUID(), taskId, e.topic(), e.analysis(), e.feasibility(),
                        e.expression(), e.excellent(), blank(e.comment()), who, now())))
                .map(rows -> ProposalRows.evaluation(rows.iterator().next()));
    }

    public Uni<Optional<EvaluationDto>> evaluation(SqlClient client, String region, UUID taskId) {
        return client.preparedQuery("select " + ProposalRows.EVALUATION_COLUMNS + " from proposal_evaluation where region = $1 and task_id = $2 "
                        + "order by recorded_at desc, id desc limit 1")
                .execute(Tuple.of(region, taskId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(ProposalRows.evaluation(rows.iterator().next())));
    }

    public Uni<Void> insertCoOpinion(SqlClient tx, String region, UUID taskId, UUID unitId, String unitName, String text, LocalDate sentOn,
            String who) {
        return tx.preparedQuery("insert into proposal_co_opinion (region, id, task_id, unit_id, unit_name, body, sent_on, recorded_by, "
                        + "recorded_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.tuple(Arrays.asList(region, UUID.randomUUID(), taskId, unitId, unitName, text, sentOn, who, now())))
                .replaceWithVoid();
    }

    public Uni<List<ProposalDetail.CoOpinion>> coOpinions(SqlClient client, String region, UUID taskId, LocalDate due) {
        return client.preparedQuery("select unit_id, unit_name, body, sent_on from proposal_co_opinion where region = $1 and task_id = $2 "
                        + "order by recorded_at, id")
                .execute(Tuple.of(region, taskId))
                .map(rows -> map(rows, r -> new ProposalDetail.CoOpinion(r.getUUID("unit_id"), r.getString("unit_name"),
                        r.getString("body"), r.getLocalDate("sent_on"), !r.getLocalDate("sent_on").isAfter(due))));
    }

    /** What the numbers need of each proposal of a session: its 主办 units, first reply, latest reply and feedback. */
    public Uni<List<ProposalNumbers.Fact>> facts(String region, UUID planId) {
        return pool.preparedQuery("select p.task_id, p.number, p.title, p.first_due, p.reopen_count, "
                        + "coalesce((select array_agg(a.unit_name order by a.unit_name) from assignment a where a.region = p.region "
                        + "and a.task_id = p.task_id and a.active and a.role = 'LEAD'), '{}') as leads, "
                        + "(select r.replied_on from proposal_reply r where r.region = p.region and r.task_id = p.task_id and r.round = 1) as first_reply, "
                        + "(select r.outcome from proposal_reply r where r.region = p.region and r.task_id = p.task_id order by r.round desc limit 1) as outcome, "
                        + "(select f.satisfaction from proposal_feedback f where f.region = p.region and f.task_id = p.task_id order by f.round desc limit 1) as satisfaction "
                        + "from proposal p where p.region = $1 and p.plan_id = $2 order by length(p.number), p.number, p.task_id")
                .execute(Tuple.of(region, planId))
                .map(rows -> map(rows, r -> new ProposalNumbers.Fact(r.getString("number"), r.getString("title"),
                        List.of(r.getArrayOfStrings("leads")), r.getLocalDate("first_due"), r.getLocalDate("first_reply"),
                        r.getString("outcome") == null ? null : Terms.Outcome.valueOf(r.getString("outcome")),
                        r.getString("satisfaction") == null ? null : Terms.Satisfaction.valueOf(r.getString("satisfaction")),
                        r.getInteger("reopen_count"))));
    }

    /**
     * The change-feed snapshots of the given proposals as they stand in {@code tx}: the proposal row with its first reply
     * day, latest 解决情况 and latest 满意度 (what report-service's 考核 and dashboard need).
     */
    public Uni<List<io.duban.feed.ProposalSnapshot>> snapshots(SqlClient tx, String region, List<UUID> taskIds) {
        return tx.preparedQuery("select p.task_id, p.region, p.plan_id, p.number, p.kind, p.assigned_on, p.first_due, p.current_due, "
                        + "p.status, p.round, p.reopen_count, p.version, "
                        + "(select r.replied_on from proposal_reply r where r.region = p.region and r.task_id = p.task_id and r.round = 1) as first_reply, "
                        + "(select r.outcome from proposal_reply r where r.region = p.region and r.task_id = p.task_id order by r.round desc limit 1) as outcome, "
                        + "(select f.satisfaction from proposal_feedback f where f.region = p.region and f.task_id = p.task_id order by f.round desc limit 1) as satisfaction "
                        + "from proposal p where p.region = $1 and p.task_id = any($2) order by p.plan_id, p.number, p.task_id")
                .execute(Tuple.of(region, taskIds.toArray(UUID[]::new)))
                .map(rows -> map(rows, r -> new io.duban.feed.ProposalSnapshot(r.getUUID("task_id"), r.getString("region"),
                        r.getUUID("plan_id"), r.getString("number"), r.getString("kind"), r.getLocalDate("assigned_on"),
                        r.getLocalDate("first_due"), r.getLocalDate("current_due"), r.getString("status"), r.getInteger("round"),
                        r.getInteger("reopen_count"), r.getLocalDate("first_reply"), r.getString("outcome"), r.getString("satisfaction"),
                        r.getLong("version"))));
    }

    private static <T> List<T> map(io.vertx.mutiny.sqlclient.RowSet<Row> rows, Function<Row, T> f) {
        List<T> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(f.apply(r));
        }
        return out;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static java.time.OffsetDateTime now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
