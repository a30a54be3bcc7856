package io.duban.console.api;

import io.duban.console.api.ReportModels.Agenda;
import io.duban.console.api.ReportModels.Alert;
import io.duban.console.api.ReportModels.Assessment;
import io.duban.console.api.ReportModels.Bulletin;
import io.duban.console.api.ReportModels.BulletinSummary;
import io.duban.console.api.ReportModels.Channels;
import io.duban.console.api.ReportModels.Dashboard;
import io.duban.console.api.ReportModels.Download;
import io.duban.console.api.ReportModels.Finding;
import io.duban.console.api.ReportModels.NewBulletin;
import io.duban.console.api.ReportModels.NewFinding;
import io.duban.console.api.ReportModels.NextSteps;
import io.duban.console.api.ReportModels.Obligation;
import io.duban.console.api.ReportModels.OverdueSummary;
import io.duban.console.api.TaskModels.Versioned;
import io.duban.console.session.Session;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** report-service as the console uses it, with the signed-in person's token. */
@ApplicationScoped
public class ReportClient {

    private static final String NAME = "统计服务";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @RestClient
    ReportApi api;

    final Calls calls;

    @Inject
    KeptAnswers answers;

    public ReportClient(Calls calls) {
        this.calls = calls;
    }

    /**
     * The dashboard, asked with the ETag of the answer kept from last time: on 304 the kept answer itself comes back
     * (and with it what the page rendered from it), else the new answer, kept for next time.
     */
    public Uni<KeptAnswers.Answer<Dashboard>> dashboardAnswer(Session s, LocalDate asOf, String planId) {
        String plan = blankToNull(planId);
        KeptAnswers.Answer<Dashboard> known = answers.get("dashboard", s.region(), asOf, plan);
        return calls.guard(NAME, api.dashboard(s.bearer(), s.region(), asOf.toString(), plan, known == null ? null : known.etag()))
                .map(r -> r.getStatus() == 304 && known != null ? known
                        : answers.put("dashboard", s.region(), asOf, plan, r.getHeaderString("ETag"), r.getEntity()));
    }

    /**
     * One keyset page of {@code /obligations} ({@code after} = the previous page's {@code next}, blank for the first);
     * counted only when {@code count} (the list page asks on its first page only).
     */
    public Uni<Paged<Obligation>> obligations(Session s, ObligationQuery q, String after, int size, boolean count) {
        return calls.guard(NAME, api.obligations(s.bearer(), s.region(), q.asOf().toString(), blankToNull(q.planId()),
                blankToNull(q.unitId()), blankToNull(q.light()), blankToNull(q.status()), blankToNull(after), size,
                count ? "true" : "false"));
    }

    /** Every obligation of a plan, walked with the keyset cursor (no OFFSET, no count). */
    public Uni<List<Obligation>> obligationsOfPlan(Session s, LocalDate asOf, String planId) {
        return TaskClient.walk(after -> calls.guard(NAME, api.obligations(s.bearer(), s.region(), asOf.toString(),
                planId, null, null, null, after, TaskClient.PAGE, "false")));
    }

    public Uni<Agenda> agenda(Session s, String unitId, LocalDate asOf) {
        return calls.guard(NAME, api.agenda(s.bearer(), s.region(), unitId, asOf.toString()));
    }

    public Uni<List<ReportModels.LateAcknowledgement>> lateAcknowledgements(Session s, LocalDate asOf) {
        return calls.guard(NAME, api.lateAcknowledgements(s.bearer(), s.region(), asOf.toString()));
    }

    /** A county's dashboard for the prefecture or province that covers it (read-only). */
    public Uni<Dashboard> countyDashboard(Session s, String county, LocalDate asOf) {
        return calls.guard(NAME, api.countyDashboard(s.bearer(), county, asOf.toString()));
    }

    /** The summary over the counties under the person's code, asked with the kept answer's ETag like the dashboard. */
    public Uni<KeptAnswers.Answer<OverdueSummary>> overdueSummary(Session s, LocalDate asOf) {
        KeptAnswers.Answer<OverdueSummary> known = answers.get("summary", s.region(), asOf, null);
        return calls.guard(NAME, api.overdueSummary(s.bearer(), null, asOf.toString(), known == null ? null : known.etag()))
                .map(r -> r.getStatus() == 304 && known != null ? known
                        : answers.put("summary", s.region(), asOf, null, r.getHeaderString("ETag"), r.getEntity()));
    }

    public Uni<List<Finding>> findings(Session s) {
        // the newest 500 (the page shows the newest first); GET /findings is paged
        return calls.guard(NAME, api.findings(s.bearer(), s.region(), null, null, null, 1, 500)).map(Paged::items);
    }

    /** A unit's findings (a unit token sees only its own), up to 500. */
    public Uni<List<Finding>> findingsOfUnit(Session s, String unitId) {
        return calls.guard(NAME, api.findings(s.bearer(), s.region(), unitId, null, null, 1, 500)).map(Paged::items);
    }

    /** Findings in one 整改 state (OPEN, RECTIFIED, CLOSED, NOT_REQUIRED, or OVERDUE as of a day), up to 500, with the total. */
    public Uni<Paged<Finding>> findingsIn(Session s, String status, LocalDate asOf, int size) {
        return calls.guard(NAME, api.findings(s.bearer(), s.region(), null, status, asOf == null ? null : asOf.toString(), 1, size));
    }

    public Uni<Versioned<ReportModels.FindingHistory>> finding(Session s, String id) {
        return calls.guard(NAME, api.finding(s.bearer(), s.region(), id)).map(Calls::ok)
                .map(r -> new Versioned<>(r.readEntity(ReportModels.FindingHistory.class), Calls.etag(r)));
    }

    public Uni<Void> rectify(Session s, String findingId, String idempotencyKey, ReportModels.NewRectification body) {
        return calls.guard(NAME, api.rectify(s.bearer(), s.region(), findingId, idempotencyKey, body)).map(Calls::ok)
                .replaceWithVoid();
    }

    public Uni<Void> verify(Session s, String findingId, String etag, ReportModels.NewVerification body) {
        return calls.guard(NAME, api.verify(s.bearer(), s.region(), findingId, etag, body)).map(Calls::ok)
                .replaceWithVoid();
    }

    public Uni<ReportModels.SupervisionSettings> supervisionSettings(Session s) {
        return calls.guard(NAME, api.supervisionSettings(s.bearer(), s.region()));
    }

    public Uni<ReportModels.Extensions> extensions(Session s, String obligationId) {
        return calls.guard(NAME, api.extensions(s.bearer(), s.region(), obligationId));
    }

    public Uni<Void> extend(Session s, String obligationId, String idempotencyKey, ReportModels.DirectExtension body) {
        return calls.guard(NAME, api.extend(s.bearer(), s.region(), obligationId, idempotencyKey, body)).map(Calls::ok)
                .replaceWithVoid();
    }

    public Uni<Void> requestExtension(Session s, String obligationId, String idempotencyKey,
                                      ReportModels.NewExtensionRequest body) {
        return calls.guard(NAME, api.requestExtension(s.bearer(), s.region(), obligationId, idempotencyKey, body))
                .map(Calls::ok).replaceWithVoid();
    }

    /** Extension requests, newest first (a unit token sees only its own unit's), up to 500. */
    public Uni<List<ReportModels.ExtensionRequest>> extensionRequests(Session s, String status, String unitId) {
        return calls.guard(NAME, api.extensionRequests(s.bearer(), s.region(), status, unitId, 1, 500)).map(Paged::items);
    }

    public Uni<Void> decideExtension(Session s, String id, String etag, ReportModels.ExtensionDecision body) {
        return calls.guard(NAME, api.decideExtension(s.bearer(), s.region(), id, etag, body)).map(Calls::ok)
                .replaceWithVoid();
    }

    public Uni<Void> urge(Session s, String idempotencyKey, ReportModels.NewUrge body) {
        return calls.guard(NAME, api.urge(s.bearer(), s.region(), idempotencyKey, body)).map(Calls::ok).replaceWithVoid();
    }

    /** A unit's urges in one state (UNREAD, READ; null for all), newest first, up to 100. */
    public Uni<List<ReportModels.Urge>> urges(Session s, String unitId, String status) {
        return calls.guard(NAME, api.urges(s.bearer(), s.region(), unitId, status, 1, 100)).map(Paged::items);
    }

    public Uni<Void> readUrge(Session s, String id) {
        return calls.guard(NAME, api.readUrge(s.bearer(), s.region(), id)).map(Calls::ok).replaceWithVoid();
    }

    public Uni<ReportModels.CalendarKey> rotateCalendarKey(Session s, String unitId) {
        return calls.guard(NAME, api.rotateCalendarKey(s.bearer(), s.region(), unitId));
    }

    public Uni<Finding> recordFinding(Session s, String idempotencyKey, NewFinding f) {
        return calls.guard(NAME, api.recordFinding(s.bearer(), s.region(), idempotencyKey, f));
    }

    public Uni<List<BulletinSummary>> bulletins(Session s) {
        return calls.guard(NAME, api.bulletins(s.bearer(), s.region(), null, 1, 200)).map(Paged::items);
    }

    public Uni<Bulletin> draftBulletin(Session s, int year, int quarter) {
        return calls.guard(NAME, api.draftBulletin(s.bearer(), s.region(), new NewBulletin(year, quarter)));
    }

    public Uni<Versioned<Bulletin>> bulletin(Session s, String id) {
        return calls.guard(NAME, api.bulletin(s.bearer(), s.region(), id, "application/json")).map(Calls::ok)
                .map(r -> new Versioned<>(r.readEntity(Bulletin.class), Calls.etag(r)));
    }

    public Uni<Download> bulletinDocument(Session s, String id, String mediaType) {
        return calls.guard(NAME, api.bulletin(s.bearer(), s.region(), id, mediaType)).map(Calls::ok)
                .map(ReportClient::download);
    }

    public Uni<Void> editBulletin(Session s, String id, String etag, String nextSteps) {
        return calls.guard(NAME, api.editBulletin(s.bearer(), s.region(), id, etag, new NextSteps(nextSteps)))
                .map(Calls::ok).replaceWithVoid();
    }

    public Uni<Void> publishBulletin(Session s, String id) {
        return calls.guard(NAME, api.publishBulletin(s.bearer(), s.region(), id)).map(Calls::ok).replaceWithVoid();
    }

    public Uni<Assessment> assessment(Session s, int year) {
        return calls.guard(NAME, api.assessment(s.bearer(), s.region(), year, null, "application/json")).map(Calls::ok)
                .map(r -> r.readEntity(Assessment.class));
    }

    /** The year's 考核 computed as of a day (not finalized): per-unit counts of what fell due. */
    public Uni<Assessment> assessmentAsOf(Session s, LocalDate asOf) {
        return calls.guard(NAME, api.assessment(s.bearer(), s.region(), asOf.getYear(), asOf.toString(), "application/json"))
                .map(Calls::ok).map(r -> r.readEntity(Assessment.class));
    }

    public Uni<Download> assessmentWorkbook(Session s, int year) {
        return calls.guard(NAME, api.assessment(s.bearer(), s.region(), year, null, XLSX)).map(Calls::ok)
                .map(ReportClient::download);
    }

    public Uni<Void> finalizeAssessment(Session s, int year) {
        return calls.guard(NAME, api.finalizeAssessment(s.bearer(), s.region(), year, null)).map(Calls::ok)
                .replaceWithVoid();
    }

    public Uni<Versioned<Channels>> alertChannels(Session s) {
        return calls.guard(NAME, api.alertChannels(s.bearer(), s.region())).map(Calls::ok)
                .map(r -> new Versioned<>(r.readEntity(Channels.class), Calls.etag(r)));
    }

    public Uni<Void> saveAlertChannels(Session s, String etag, Map<String, Object> body) {
        return calls.guard(NAME, api.saveAlertChannels(s.bearer(), s.region(), etag, body)).map(Calls::ok)
                .replaceWithVoid();
    }

    public Uni<Paged<Alert>> alerts(Session s) {
        return calls.guard(NAME, api.alerts(s.bearer(), s.region(), 1, 100));
    }

    private static Download download(Response r) {
        return new Download(r.readEntity(byte[].class), r.getHeaderString("Content-Type"),
                r.getHeaderString("Content-Disposition"));
    }

    /** The filter of an obligations list; blank fields are not sent. */
    public record ObligationQuery(LocalDate asOf, String planId, String unitId, String light, String status) {
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
