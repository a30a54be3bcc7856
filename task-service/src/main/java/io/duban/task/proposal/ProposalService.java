package io.duban.task.proposal;

import io.duban.common.audit.AuditTrail;
import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.time.SaneDates;
import io.duban.deadlines.rule.DeadlineRule;
import io.duban.feed.Snapshot;
import io.duban.task.assignment.AssignmentDto;
import io.duban.task.assignment.AssignmentRepository;
import io.duban.task.assignment.AssignmentStatus;
import io.duban.task.assignment.Role;
import io.duban.task.common.Access;
import io.duban.task.common.Days;
import io.duban.task.common.Idempotency;
import io.duban.task.common.Json;
import io.duban.task.feed.ChangeLog;
import io.duban.task.orgclient.OrgClient;
import io.duban.task.orgclient.Resolution;
import io.duban.task.plan.PlanDto;
import io.duban.task.plan.PlanKind;
import io.duban.task.plan.PlanRepository;
import io.duban.task.report.ReportDto;
import io.duban.task.report.ReportRepository;
import io.duban.task.tableimport.TableReader;
import io.duban.task.task.TaskRecord;
import io.duban.task.task.TaskRepository;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * 建议提案办理: sessions, proposals (each a task with 主办 LEAD and 协办 CO assignments, written with their feed rows so
 * report-service judges them like any other task), replies, feedback (by the office or a one-time link), 重新办理,
 * 评议 and the numbers. A reply puts the 主办 assignments DONE (the reply is the completion; 办结审核 does not apply), a
 * reopening puts them back IN_PROGRESS and moves the task's due day — each with a progress report, so the history
 * says why. Every write commits the request's audit record in its own transaction (a replayed Idempotency-Key commits
 * nothing: the response filter records it).
 */
@ApplicationScoped
public class ProposalService {

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    @Inject
    PlanRepository plans;

    @Inject
    TaskRepository tasks;

    @Inject
    AssignmentRepository assignments;

    @Inject
    ProposalRepository proposals;

    @Inject
    OrgClient org;

    @Inject
    ReportRepository reports;

    private final ProposalDeadlines deadlines = ProposalDeadlines.bundled();

    // --- sessions

    public Uni<Idempotency.Stored> createSession(String region, SessionRequest body, String key) {
        SessionRules rules = body.rules();
        List<FieldError> errors = rules.problems();
        if (!errors.isEmpty()) {
            throw ProblemException.validation("办理规则有误。", errors);
        }
        String title = body.title() == null || body.title().isBlank() ? body.sessionName().strip() + body.body().itemWord + "办理"
                : body.title().strip();
        PlanDto plan = new PlanDto(UUID.randomUUID(), region, title, null, null, body.year(), PlanKind.PROPOSALS, null, 1);
        String idemKey = Idempotency.validKey(key, null);
        String hash = Idempotency.hash("proposal-session", Json.write(body));
        return pool.withTransaction(tx -> Idempotency.once(tx, region, idemKey, hash, 201, () -> plans.insert(tx, plan)
                .call(saved -> ChangeLog.append(tx, saved.snapshot()))
                .call(saved -> proposals.insertSession(tx, region, saved.id(), body.body(), body.sessionName().strip(), rules))
                .flatMap(saved -> proposals.session(tx, region, saved.id(), false))
                .call(session -> audit.inTransaction(tx, 201, session.planId().toString()))));
    }

    public Uni<io.duban.common.web.Page<SessionDto>> sessions(String region, io.duban.common.web.PageRequest page) {
        return proposals.sessions(region, page);
    }

    public Uni<SessionDto> session(String region, UUID planId) {
        return proposals.session(pool, region, planId, false);
    }

    // --- proposals

    /**
     * One proposal; with {@code key} a retry answers the first response without asking org-service again (a stored
     * response is looked up first, and the key is claimed in the writing transaction).
     */
    public Uni<Idempotency.Stored> create(String region, UUID planId, ProposalRequest body, String authorization, String key) {
        String idemKey = Idempotency.validKey(key, null);
        String hash = Idempotency.hash("proposal", planId.toString(), Json.write(body));
        List<ProposalList.Line> lines = List.of(new ProposalList.Line(0, body));
        return Idempotency.peek(pool, region, idemKey, hash).flatMap(replay -> replay.isPresent() ? Uni.createFrom().item(replay.get())
                : session(region, planId).flatMap(session -> resolve(region, session, lines, authorization)
                        .flatMap(units -> pool.withTransaction(tx -> Idempotency.once(tx, region, idemKey, hash, 201,
                                () -> write(tx, region, session, lines, units).map(created -> created.get(0))
                                        .call(p -> audit.inTransaction(tx, 201, p.id().toString())))))));
    }

    /** The 交办清单 import: all or nothing. */
    public Uni<List<ProposalDto>> importList(String region, UUID planId, byte[] body, String contentType, LocalDate assignedOn,
            String authorization) {
        return session(region, planId).flatMap(session -> Uni.createFrom()
                .item(() -> ProposalList.read(TableReader.read(body, contentType), assignedOn, defaultKind(session)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(read -> {
                    if (!read.errors().isEmpty()) {
                        throw refused(read.errors());
                    }
                    return resolve(region, session, read.lines(), authorization)
                            .flatMap(units -> pool.withTransaction(tx -> write(tx, region, session, read.lines(), units)
                                    .call(written -> audit.inTransaction(tx, 200))));
                }));
    }

    private static Terms.Kind defaultKind(SessionDto session) {
        return session.body() == Terms.Body.NPC ? Terms.Kind.SUGGESTION : Terms.Kind.PROPOSAL;
    }

    private static ProblemException refused(List<FieldError> errors) {
        ProblemException e = ProblemException.validation("交办清单有误，未导入任何建议提案。", errors);
        for (FieldError f : errors) {
            if (f.field().startsWith("line ")) {
                return e.with("line", Integer.parseInt(f.field().substring(5)));
            }
        }
        return e;
    }

    /** Units of one proposal, as resolved. */
    private record Units(List<Resolution.ResolvedUnit> leads, List<Resolution.ResolvedUnit> cos) {
    }

    /** The lines' 主办 and 协办 units as org-service resolves them, line by line; 400/422 when a line is wrong. */
    private Uni<List<Units>> resolve(String region, SessionDto session, List<ProposalList.Line> lines, String authorization) {
        List<FieldError> errors = new ArrayList<>();
        for (ProposalList.Line l : lines) {
            ProposalRequest r = l.request();
            String where = l.line() == 0 ? "assignedOn" : "line " + l.line();
            if (r.assignedOn() != null && !SaneDates.within(r.assignedOn())) {
                errors.add(new FieldError(where, "交办日期应在 " + SaneDates.RANGE + "。"));
            }
            if (l.line() > 0) {
                checkRow(l, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw lines.size() == 1 && lines.get(0).line() == 0 ? ProblemException.validation("建议提案内容有误。", errors) : refused(errors);
        }
        List<String> texts = new ArrayList<>(new LinkedHashSet<>(lines.stream()
                .flatMap(l -> java.util.stream.Stream.of(l.request().leadUnits(), l.request().coUnits()))
                .filter(t -> t != null && !t.isBlank()).map(String::strip).toList()));
        return org.resolveBatch(region, authorization, texts, session.year()).map(results -> {
            Map<String, Resolution> byText = new HashMap<>();
            for (int i = 0; i < texts.size(); i++) {
                byText.put(texts.get(i), results.get(i));
            }
            List<FieldError> unresolved = new ArrayList<>();
            List<Units> units = new ArrayList<>();
            for (ProposalList.Line l : lines) {
                units.add(units(l, byText, unresolved));
            }
            if (!unresolved.isEmpty()) {
                if (lines.size() == 1 && lines.get(0).line() == 0) {
                    throw ProblemException.unprocessable("主办或协办单位无法识别：" + unresolved.get(0).message()).with("errors", unresolved);
                }
                throw refused(unresolved);
            }
            return units;
        });
    }

    /** What a list row lacks that a single proposal's validation would have said. */
    private static void checkRow(ProposalList.Line l, List<FieldError> errors) {
        ProposalRequest r = l.request();
        String where = "line " + l.line();
        if (r.title().isBlank()) {
            errors.add(new FieldError(where, "案由为空"));
        } else if (r.title().length() > 500) {
            errors.add(new FieldError(where, "案由超过 500 字"));
        }
        if (r.number().length() > 40) {
            errors.add(new FieldError(where, "编号超过 40 字"));
        }
        if (r.proposers().isEmpty()) {
            errors.add(new FieldError(where, "提案者为空"));
        }
        if (r.leadUnits() == null || r.leadUnits().isBlank()) {
            errors.add(new FieldError(where, "主办单位为空"));
        }
    }

    private static Units units(ProposalList.Line l, Map<String, Resolution> byText, List<FieldError> errors) {
        String where = l.line() == 0 ? "leadUnits" : "line " + l.line();
        Resolution lead = byText.get(l.request().leadUnits().strip());
        String co = l.request().coUnits() == null ? "" : l.request().coUnits().strip();
        Resolution cos = co.isEmpty() ? Resolution.empty() : byText.get(co);
        for (Resolution res : List.of(lead, cos)) {
            for (Resolution.Unresolved u : res.unresolved()) {
                errors.add(new FieldError(res == lead ? where : (l.line() == 0 ? "coUnits" : where), "单位“" + u.text() + "”无法识别"
                        + (u.suggestions().isEmpty() ? "" : "（您是否要找：" + String.join("、", u.suggestions()) + "）")));
            }
        }
        if (lead.assignments().isEmpty() && lead.unresolved().isEmpty()) {
            errors.add(new FieldError(where, "主办单位为空"));
        }
        List<Resolution.ResolvedUnit> leads = new ArrayList<>();
        Map<UUID, Resolution.ResolvedUnit> seen = new LinkedHashMap<>();
        for (Resolution.ResolvedUnit u : lead.assignments()) {
            if (seen.putIfAbsent(u.unitId(), u) == null) {
                leads.add(u.withRole(Role.LEAD));
            }
        }
        List<Resolution.ResolvedUnit> coUnits = new ArrayList<>();
        for (Resolution.ResolvedUnit u : cos.assignments()) {
            if (seen.putIfAbsent(u.unitId(), u) == null) {
                coUnits.add(u.withRole(Role.CO));
            }
        }
        return new Units(leads, coUnits);
    }

    private Uni<List<ProposalDto>> write(SqlClient tx, String region, SessionDto session, List<ProposalList.Line> lines, List<Units> units) {
        SessionRules rules = session.rules();
        return proposals.session(tx, region, session.planId(), true)
                .flatMap(locked -> proposals.takenNumbers(tx, region, session.planId(),
                        lines.stream().map(l -> l.request().number().strip()).toList()))
                .flatMap(taken -> {
                    if (!taken.isEmpty()) {
                        throw ProblemException.conflict("编号已存在：" + String.join("、", taken) + "；未导入任何建议提案。")
                                .with("numbers", taken);
                    }
                    return proposals.nextSeq(tx, region, session.planId());
                })
                .flatMap(firstSeq -> {
                    List<TaskRecord> taskRows = new ArrayList<>();
                    List<AssignmentDto> assignmentRows = new ArrayList<>();
                    List<ProposalDto> proposalRows = new ArrayList<>();
                    for (int i = 0; i < lines.size(); i++) {
                        ProposalRequest r = lines.get(i).request();
                        UUID taskId = UUID.randomUUID();
                        boolean complex = Boolean.TRUE.equals(r.complex());
                        Terms.Kind kind = r.kind() == null ? defaultKind(session) : r.kind();
                        ProposalDeadlines.Dues dues = deadlines.of(r.assignedOn(), complex, rules);
                        Units u = units.get(i);
                        String lead = names(u.leads());
                        String co = names(u.cos());
                        List<String> proposers = r.proposers().stream().map(String::strip).toList();
                        taskRows.add(new TaskRecord(taskId, region, session.planId(), firstSeq + i,
                                List.of(session.sessionName(), kind.label), r.title().strip(),
                                "主办：" + lead + (co.isEmpty() ? "" : "；协办：" + co),
                                "交办之日起" + (complex ? rules.complexReplyMonths() : rules.replyMonths()) + "个月内答复",
                                new DeadlineRule.Fixed(dues.reply()), List.of(), List.of(), 1, r.number().strip(),
                                "提案者：" + String.join("、", proposers)));
                        for (Resolution.ResolvedUnit ru : u.leads()) {
                            assignmentRows.add(AssignmentDto.created(region, session.planId(), taskId, ru.unitId(), ru.unitName(), Role.LEAD));
                        }
                        for (Resolution.ResolvedUnit ru : u.cos()) {
                            assignmentRows.add(AssignmentDto.created(region, session.planId(), taskId, ru.unitId(), ru.unitName(), Role.CO));
                        }
                        proposalRows.add(new ProposalDto(taskId, region, session.planId(), r.number().strip(), r.title().strip(), proposers,
                                kind, r.assignedOn(), complex, lead, co, dues.reply(), dues.reply(), dues.coOpinion(), dues.provisional(),
                                Terms.Status.ASSIGNED, 1, 0, rules.maxReopens(), 1));
                    }
                    List<Snapshot> changes = new ArrayList<>();
                    taskRows.forEach(t -> changes.add(t.snapshot()));
                    assignmentRows.forEach(a -> changes.add(a.snapshot()));
                    return tasks.insertAll(tx, taskRows)
                            .flatMap(v -> assignments.insertAll(tx, assignmentRows))
                            .flatMap(v -> proposals.insertAll(tx, proposalRows))
                            .flatMap(v -> ChangeLog.append(tx, changes))
                            .flatMap(v -> published(tx, region, proposalRows.stream().map(ProposalDto::id).toList()))
                            .replaceWith(proposalRows);
                });
    }

    private static String names(List<Resolution.ResolvedUnit> units) {
        return String.join("、", units.stream().map(Resolution.ResolvedUnit::unitName).toList());
    }

    /** Moves the proposal on and puts its new state in the change feed (report-service's 考核 and dashboard read it). */
    private Uni<ProposalDto> advance(SqlClient tx, ProposalDto p, Terms.Status status, int round, LocalDate currentDue, int reopenCount,
            int reopensAllowed) {
        return proposals.advance(tx, p, status, round, currentDue, reopenCount, reopensAllowed)
                .call(next -> published(tx, p.region(), List.of(p.id())));
    }

    private Uni<Void> published(SqlClient tx, String region, List<UUID> ids) {
        return proposals.snapshots(tx, region, ids).flatMap(snapshots -> ChangeLog.append(tx, snapshots));
    }

    // --- reading

    /** The proposal, when the caller may do {@code need} with it ({@link ProposalAccess}); 404 or 403 otherwise. */
    private Uni<ProposalDto> allowed(SqlClient client, String region, UUID id, Caller caller, ProposalAccess.Need need, boolean lock) {
        Optional<UUID> scope = Access.unitScope(caller);
        ProposalAccess.byToken(need, scope.isPresent(), caller.isSupervisor());
        return proposals.get(client, region, id, lock).call(p -> scope.isEmpty() ? Uni.createFrom().voidItem()
                : proposals.rolesOf(client, region, id, scope.get()).invoke(roles -> ProposalAccess.byRoles(need, roles, id)));
    }

    public Uni<io.duban.common.web.Page<ProposalDto>> list(String region, UUID planId, Caller caller, io.duban.common.web.PageRequest page) {
        return session(region, planId).flatMap(s -> proposals.list(region, planId, Access.unitScope(caller).orElse(null), page));
    }

    public Uni<ProposalDetail> detail(String region, UUID id, Caller caller) {
        return allowed(pool, region, id, caller, ProposalAccess.Need.SEE, false).flatMap(p -> Uni.combine().all()
                .unis(proposals.session(pool, region, p.planId(), false), proposals.units(pool, region, id),
                        proposals.replies(pool, region, id), proposals.feedback(pool, region, id), proposals.evaluation(pool, region, id),
                        proposals.coOpinions(pool, region, id, p.coOpinionDue()))
                .asTuple()
                .map(t -> new ProposalDetail(p, t.getItem1(), t.getItem2(), t.getItem3(), t.getItem4(), t.getItem5().orElse(null),
                        t.getItem6())));
    }

    /** The 答复函 of the latest reply, as DOCX; 404 before the first reply. */
    public Uni<byte[]> letter(String region, UUID id, Caller caller) {
        return allowed(pool, region, id, caller, ProposalAccess.Need.SEE, false).flatMap(p -> Uni.combine().all()
                .unis(proposals.session(pool, region, p.planId(), false), proposals.replies(pool, region, id), proposals.units(pool, region, id))
                .asTuple()
                .map(t -> {
                    if (t.getItem2().isEmpty()) {
                        throw ProblemException.notFound("该建议提案尚未答复。");
                    }
                    ReplyDto reply = t.getItem2().get(t.getItem2().size() - 1);
                    return ReplyLetter.of(t.getItem1(), p, reply, issuer(reply, p));
                }))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(ReplyLetter::docx);
    }

    private static String issuer(ReplyDto reply, ProposalDto p) {
        return reply.issuer() != null ? reply.issuer() : p.leadUnits();
    }

    // --- reply

    public Uni<Idempotency.Stored> reply(String region, UUID id, ReplyRequest body, Caller caller, String key) {
        LocalDate today = Days.today();
        String idemKey = Idempotency.validKey(key, Access.unitScope(caller).orElse(null));
        String hash = Idempotency.hash("proposal-reply", id.toString(), Json.write(body));
        return pool.withTransaction(tx -> Idempotency.once(tx, region, idemKey, hash, 201, () -> allowed(tx, region, id, caller, ProposalAccess.Need.LEAD, true).flatMap(p -> {
            if (p.status() == Terms.Status.ANSWERED) {
                throw ProblemException.conflict("该建议提案本轮已答复，正在等待提案者反馈。");
            }
            if (p.status() == Terms.Status.CLOSED) {
                throw ProblemException.conflict("该建议提案已办结。");
            }
            List<FieldError> errors = ProposalFlow.check(body, p.assignedOn(), today);
            if (!errors.isEmpty()) {
                throw ProblemException.validation("答复内容不完整或有误。", errors);
            }
            LocalDate replied = body.repliedOn() == null ? today : body.repliedOn();
            return proposals.insertReply(tx, region, id, p.round(), body, replied, p.replyDue(), caller.name())
                    .call(r -> advance(tx, p, Terms.Status.ANSWERED, p.round(), p.replyDue(), p.reopenCount(), p.reopensAllowed()))
                    .call(r -> leadReports(tx, region, id, true, AssignmentStatus.DONE, replied,
                            "已答复（解决情况 " + r.outcome().name() + "：" + r.outcome().label + "）"
                                    + (r.promisedOn() == null ? "" : "，承诺" + r.promisedOn() + "前完成"), caller.name()))
                    .flatMap(r -> r.outcome() == Terms.Outcome.B && r.promisedOn() != null ? followUp(tx, p, r) : Uni.createFrom().item(r))
                    .call(r -> audit.inTransaction(tx, 201));
        })));
    }

    /**
     * A B reply's promise kept like any other duty: a task of the session "落实第…号提案答复承诺" with a FIXED due day on
     * the promised day and a LEAD assignment per 主办 unit, in the feed, so report-service lists it in /obligations, marks
     * it overdue when the day passes and closes it when the unit reports it done. It is not a 建议提案 (no proposal row),
     * so the numbers and the 交办清单 do not count it.
     */
    private Uni<ReplyDto> followUp(SqlClient tx, ProposalDto p, ReplyDto r) {
        // the session's lock orders this against other writers of its 序号 (a new proposal, another follow-up)
        return proposals.session(tx, p.region(), p.planId(), true)
                .flatMap(session -> proposals.units(tx, p.region(), p.id())
                        .flatMap(units -> proposals.nextSeq(tx, p.region(), p.planId())
                                .map(seq -> io.smallrye.mutiny.tuples.Tuple3.of(units, seq, session))))
                .flatMap(t -> {
                    List<ProposalDetail.UnitRole> leads = t.getItem1().stream().filter(u -> u.role().equals(Role.LEAD.name())).toList();
                    UUID taskId = UUID.randomUUID();
                    String due = ReplyLetter.ChineseDay.of(r.promisedOn());
                    String number = p.number() + "-B" + r.round();
                    TaskRecord task = new TaskRecord(taskId, p.region(), p.planId(), t.getItem2(),
                            List.of(t.getItem3().sessionName(), "答复承诺"), "落实第" + p.number() + "号" + p.kind().label + "答复承诺："
                            + (r.planText() == null ? "" : r.planText()),
                            "主办：" + String.join("、", leads.stream().map(ProposalDetail.UnitRole::unitName).toList()),
                            "承诺" + due + "前完成", new DeadlineRule.Fixed(r.promisedOn()), List.of(), List.of(), 1, number,
                            "第" + p.number() + "号" + p.kind().label + "第" + r.round() + "轮答复（B 正在解决或已列入计划）");
                    List<AssignmentDto> rows = leads.stream().map(u -> AssignmentDto.created(p.region(), p.planId(), taskId,
                            u.unitId(), u.unitName(), Role.LEAD)).toList();
                    List<Snapshot> changes = new ArrayList<>();
                    changes.add(task.snapshot());
                    rows.forEach(a -> changes.add(a.snapshot()));
                    return tasks.insertAll(tx, List.of(task))
                            .flatMap(v -> assignments.insertAll(tx, rows))
                            .flatMap(v -> ChangeLog.append(tx, changes))
                            .flatMap(v -> proposals.followUp(tx, p.region(), r.id(), taskId));
                });
    }

    /**
     * Moves the proposal's active 主办 assignments ({@code withCo}: and 协办 ones — a reply ends their part too, so they do
     * not stay open in report-service) to {@code status} with a progress report each, and their feed rows (ASSIGNMENT,
     * REPORT). A reopening moves only the 主办 ones back.
     */
    private Uni<Void> leadReports(SqlClient tx, String region, UUID taskId, boolean withCo, AssignmentStatus status, LocalDate completedOn,
            String note, String who) {
        return assignments.setProposalStatus(tx, region, taskId, withCo, status, Days.today())
                .flatMap(rows -> {
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    List<ReportDto> written = new ArrayList<>();
                    List<Snapshot> changes = new ArrayList<>();
                    for (AssignmentDto a : rows) {
                        ReportDto report = new ReportDto(UUID.randomUUID(), region, a.id(), status, note, List.of(),
                                status == AssignmentStatus.DONE ? completedOn : null, null, who, now, false);
                        written.add(report);
                        changes.add(a.snapshot());
                        changes.add(report.snapshot());
                    }
                    return reports.insertAll(tx, written).flatMap(v -> ChangeLog.append(tx, changes));
                });
    }

    // --- feedback

    public Uni<Idempotency.Stored> feedbackByOffice(String region, UUID id, FeedbackRequest body, Caller caller, String key) {
        String idemKey = Idempotency.validKey(key, null);
        String hash = Idempotency.hash("proposal-feedback", id.toString(), Json.write(body));
        return pool.withTransaction(tx -> Idempotency.once(tx, region, idemKey, hash, 201, () -> proposals.get(tx, region, id, true).flatMap(p -> {
            if (p.status() != Terms.Status.ANSWERED) {
                throw ProblemException.conflict(p.status() == Terms.Status.CLOSED ? "该建议提案已办结。" : "该建议提案本轮尚未答复，不能反馈。");
            }
            return feedback(tx, p, p.round(), body, Terms.Via.OFFICE, caller.name()).call(f -> audit.inTransaction(tx, 201));
        })));
    }

    private Uni<FeedbackDto> feedback(SqlClient tx, ProposalDto p, int round, FeedbackRequest body, Terms.Via via, String who) {
        LocalDate today = Days.today();
        LocalDate received = via == Terms.Via.LINK || body.receivedOn() == null ? today : body.receivedOn();
        if (received.isAfter(today) || received.isBefore(p.assignedOn())) {
            throw ProblemException.invalidField("receivedOn", "反馈日期应在交办日期 " + p.assignedOn() + " 到今天之间。");
        }
        return proposals.session(tx, p.region(), p.planId(), false).flatMap(session -> proposals
                .insertFeedback(tx, p.region(), p.id(), round, body, received, via, who)
                .call(f -> {
                    ProposalFlow.AfterFeedback next = ProposalFlow.afterFeedback(body.satisfaction(), p.reopenCount(), p.reopensAllowed(),
                            deadlines.redo(received, session.rules()));
                    if (!next.reopens()) {
                        return advance(tx, p, Terms.Status.CLOSED, p.round(), p.replyDue(), p.reopenCount(), p.reopensAllowed());
                    }
                    return reopen(tx, p, next.newDue(), p.reopensAllowed(), who);
                }));
    }

    /** 重新办理: a new round due on {@code due}; the task's 时限 and the 主办 assignments follow. */
    private Uni<ProposalDto> reopen(SqlClient tx, ProposalDto p, LocalDate due, int allowed, String who) {
        return advance(tx, p, Terms.Status.REOPENED, p.round() + 1, due, p.reopenCount() + 1, allowed)
                .call(next -> tasks.get(tx, p.region(), p.id()).flatMap(t -> {
                    TaskRecord moved = new TaskRecord(t.id(), t.region(), t.planId(), t.seq(), t.category(), t.requirement(),
                            t.responsibleText(), "重新办理：" + ReplyLetter.ChineseDay.of(due) + "前答复", new DeadlineRule.Fixed(due),
                            t.review(), t.designated(), t.version() + 1, t.number(), t.note());
                    return tasks.update(tx, moved, t.version()).flatMap(ok -> ChangeLog.append(tx, moved.snapshot()));
                }))
                .call(next -> leadReports(tx, p.region(), p.id(), false, AssignmentStatus.IN_PROGRESS, null,
                        "提案者对答复不满意，重新办理，" + ReplyLetter.ChineseDay.of(due) + "前重新答复", who));
    }

    /** Raises (or lowers) how often the proposal may be reopened; a closed one whose last feedback was 不满意 reopens now. */
    public Uni<ProposalDto> allowReopens(String region, UUID id, int allowed, Caller caller) {
        return pool.withTransaction(tx -> proposals.get(tx, region, id, true).flatMap(p -> proposals.feedback(tx, region, id).flatMap(fb -> {
            boolean lastUnsatisfied = !fb.isEmpty() && fb.get(fb.size() - 1).satisfaction() == Terms.Satisfaction.UNSATISFIED;
            if (p.status() == Terms.Status.CLOSED && lastUnsatisfied && p.reopenCount() < allowed) {
                return proposals.session(tx, region, p.planId(), false)
                        .flatMap(s -> reopen(tx, p, deadlines.redo(Days.today(), s.rules()), allowed, caller.name()));
            }
            return advance(tx, p, p.status(), p.round(), p.replyDue(), p.reopenCount(), allowed);
        })).call(p -> audit.inTransaction(tx, 200)));
    }

    // --- one-time links

    /** A new link for the open round's feedback. */
    public Uni<FeedbackLinks.Issued> issueLink(String region, UUID id, Caller caller) {
        return pool.withTransaction(tx -> allowed(tx, region, id, caller, ProposalAccess.Need.LEAD, true).flatMap(p -> {
            if (p.status() != Terms.Status.ANSWERED) {
                throw ProblemException.conflict("只有已答复、等待反馈的建议提案可以发送反馈链接。");
            }
            return proposals.session(tx, region, p.planId(), false).flatMap(s -> {
                FeedbackLinks.Issued issued = FeedbackLinks.issue(region, Instant.now().plus(s.feedbackLinkDays(), ChronoUnit.DAYS));
                return proposals.insertLink(tx, region, FeedbackLinks.hash(issued.token()), id, p.round(), issued.expiresAt(), caller.name())
                        .call(v -> audit.inTransaction(tx, 201))
                        .replaceWith(issued);
            });
        }));
    }

    /** What the proposer sees behind a link; 404 when it is unknown, used, expired or its round is over. */
    public Uni<FeedbackLinks.Form> form(String token) {
        String region = FeedbackLinks.region(token);
        return proposals.openLink(pool, region, FeedbackLinks.hash(token)).flatMap(link -> {
            if (link.isEmpty()) {
                throw FeedbackLinks.gone();
            }
            return proposals.get(pool, region, link.get().taskId(), false).flatMap(p -> {
                if (p.status() != Terms.Status.ANSWERED || p.round() != link.get().round()) {
                    throw FeedbackLinks.gone();
                }
                return Uni.combine().all().unis(proposals.session(pool, region, p.planId(), false), proposals.replies(pool, region, p.id()))
                        .asTuple()
                        .map(t -> FeedbackLinks.Form.of(t.getItem1(), p, t.getItem2().get(t.getItem2().size() - 1)));
            });
        });
    }

    public Uni<FeedbackDto> feedbackByLink(String token, FeedbackRequest body) {
        String region = FeedbackLinks.region(token);
        return pool.withTransaction(tx -> proposals.useLink(tx, region, FeedbackLinks.hash(token)).flatMap(link -> {
            if (link.isEmpty()) {
                throw FeedbackLinks.gone();
            }
            return proposals.get(tx, region, link.get().taskId(), true).flatMap(p -> {
                if (p.status() != Terms.Status.ANSWERED || p.round() != link.get().round()) {
                    throw FeedbackLinks.gone();
                }
                return feedback(tx, p, p.round(), body, Terms.Via.LINK, "提案者（反馈链接）").call(f -> audit.inTransaction(tx, 201));
            });
        }));
    }

    // --- 评议, 协办意见

    public Uni<EvaluationDto> evaluate(String region, UUID id, EvaluationRequest body, Caller caller) {
        return pool.withTransaction(tx -> allowed(tx, region, id, caller, ProposalAccess.Need.LEAD, true)
                .flatMap(p -> proposals.insertEvaluation(tx, region, id, body, caller.name()))
                .call(e -> audit.inTransaction(tx, 201)));
    }

    /** A 协办 unit's opinion to the 主办 unit; only the proposal's CO units send one. */
    public Uni<List<ProposalDetail.CoOpinion>> coOpinion(String region, UUID id, String text, Caller caller) {
        return pool.withTransaction(tx -> allowed(tx, region, id, caller, ProposalAccess.Need.CO, true)
                .flatMap(p -> proposals.units(tx, region, id).flatMap(units -> {
                    UUID unit = Access.unitScope(caller).orElseThrow();
                    ProposalDetail.UnitRole mine = units.stream().filter(u -> u.unitId().equals(unit) && u.role().equals(Role.CO.name()))
                            .findFirst().orElseThrow(() -> ProposalRepository.notFound(id));
                    return proposals.insertCoOpinion(tx, region, id, unit, mine.unitName(), text.strip(), Days.today(), caller.name())
                            .flatMap(v -> proposals.coOpinions(tx, region, id, p.coOpinionDue()));
                })).call(all -> audit.inTransaction(tx, 201)));
    }

    // --- numbers

    public Uni<ProposalNumbers.Numbers> numbers(String region, UUID planId, LocalDate asOf) {
        return session(region, planId).flatMap(s -> proposals.facts(region, planId))
                .map(facts -> ProposalNumbers.of(facts, asOf == null ? Days.today() : asOf));
    }

    public Uni<byte[]> workbook(String region, UUID planId, LocalDate asOf) {
        LocalDate day = asOf == null ? Days.today() : asOf;
        return session(region, planId).flatMap(s -> proposals.facts(region, planId)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(facts -> ProposalWorkbook.xlsx(s.sessionName() + s.body().itemWord, ProposalNumbers.of(facts, day), facts)));
    }
}
