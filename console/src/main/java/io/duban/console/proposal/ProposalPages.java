package io.duban.console.proposal;

import io.duban.console.api.ApiProblem;
import io.duban.console.common.Chrome;
import io.duban.console.common.Dates;
import io.duban.console.common.FormErrors;
import io.duban.console.proposal.ProposalModels.Detail;
import io.duban.console.proposal.ProposalModels.NewFeedback;
import io.duban.console.proposal.ProposalModels.NewReply;
import io.duban.console.session.CurrentSession;
import io.duban.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 建议提案: the sessions, a session's proposals with its 办理情况 numbers, and one proposal with the actions its viewer
 * may take — the 主办 unit (or the supervisor) replies, the supervisor enters a paper 反馈表 or makes a one-time link.
 */
@Path("/proposals")
@Produces(MediaType.TEXT_HTML)
public class ProposalPages {

    static final String SECTION = "proposals";

    @CheckedTemplate(basePath = "proposal")
    static class Templates {
        static native TemplateInstance sessions(Chrome chrome, List<ProposalModels.Session> sessions);

        static native TemplateInstance session(Chrome chrome, ProposalModels.Session session, List<ProposalModels.Proposal> proposals,
                                               ProposalModels.Numbers numbers);

        static native TemplateInstance proposal(Chrome chrome, Detail detail, boolean canReply, boolean canFeedback, String link,
                                                FormErrors errors);
    }

    @Inject
    CurrentSession current;

    @Inject
    ProposalClient proposals;

    @GET
    public Uni<TemplateInstance> sessions() {
        Session s = current.require("supervisor", "viewer", "unit");
        return proposals.sessions(s).map(list -> Templates.sessions(Chrome.of(s, SECTION), list));
    }

    @GET
    @Path("sessions/{planId}")
    public Uni<TemplateInstance> session(@PathParam("planId") String planId, @QueryParam("asOf") String asOf) {
        Session s = current.require("supervisor", "viewer", "unit");
        return Uni.combine().all().unis(proposals.session(s, planId), proposals.proposals(s, planId), proposals.numbers(s, planId, asOf))
                .asTuple()
                .map(t -> Templates.session(Chrome.of(s, SECTION), t.getItem1(), t.getItem2(), s.unit() ? null : t.getItem3()));
    }

    @GET
    @Path("sessions/{planId}/numbers.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Uni<Response> workbook(@PathParam("planId") String planId, @QueryParam("asOf") String asOf) {
        Session s = current.require("supervisor", "viewer");
        return proposals.workbook(s, planId, asOf).map(bytes -> Response.ok(bytes)
                .header("Content-Disposition", "attachment; filename=\"proposal-numbers.xlsx\"").build());
    }

    @GET
    @Path("{id}")
    public Uni<TemplateInstance> proposal(@PathParam("id") String id) {
        Session s = current.require("supervisor", "viewer", "unit");
        return proposals.proposal(s, id).map(d -> page(s, d, null, FormErrors.NONE));
    }

    private static TemplateInstance page(Session s, Detail d, String link, FormErrors errors) {
        String status = d.proposal().status();
        boolean lead = s.supervisor() || (s.unit() && d.units().stream()
                .anyMatch(u -> "LEAD".equals(u.role()) && u.unitId().equals(s.unitId())));
        boolean canReply = lead && ("ASSIGNED".equals(status) || "REOPENED".equals(status));
        boolean canFeedback = lead && "ANSWERED".equals(status);
        return Templates.proposal(Chrome.of(s, SECTION), d, canReply, canFeedback, link, errors);
    }

    @GET
    @Path("{id}/reply-letter.docx")
    @Produces("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    public Uni<Response> letter(@PathParam("id") String id) {
        Session s = current.require("supervisor", "viewer", "unit");
        return proposals.letter(s, id).map(bytes -> Response.ok(bytes)
                .header("Content-Disposition", "attachment; filename=\"reply-letter.docx\"").build());
    }

    @POST
    @Path("{id}/reply")
    public Uni<Response> reply(@PathParam("id") String id, @RestForm("_csrf") String csrf, @RestForm String text, @RestForm String outcome,
                               @RestForm String consultation, @RestForm String consultedOn, @RestForm String signer,
                               @RestForm String contactName, @RestForm String contactPhone, @RestForm String docNumber,
                               @RestForm String planText, @RestForm String promisedOn, @RestForm String repliedOn) {
        current.require("supervisor", "unit");
        Session s = current.checkCsrf(csrf);
        NewReply r = new NewReply(text, outcome, consultation, Dates.iso(consultedOn), signer, contactName, contactPhone,
                blank(docNumber), blank(planText), Dates.iso(promisedOn), Dates.iso(repliedOn));
        return again(s, id, proposals.reply(s, id, r));
    }

    @POST
    @Path("{id}/feedback")
    public Uni<Response> feedback(@PathParam("id") String id, @RestForm("_csrf") String csrf, @RestForm String satisfaction,
                                  @RestForm String relevance, @RestForm String consultation, @RestForm String opinion,
                                  @RestForm String receivedOn) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        return again(s, id, proposals.feedback(s, id, new NewFeedback(satisfaction, relevance, consultation, blank(opinion),
                Dates.iso(receivedOn))));
    }

    @POST
    @Path("{id}/link")
    public Uni<Response> link(@PathParam("id") String id, @RestForm("_csrf") String csrf) {
        current.require("supervisor", "unit");
        Session s = current.checkCsrf(csrf);
        return proposals.link(s, id).flatMap(l -> proposals.proposal(s, id)
                        .map(d -> Response.ok(page(s, d, l.path(), FormErrors.NONE).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build()))
                .onFailure(e -> e instanceof ApiProblem p && p.status() < 500)
                .recoverWithUni(e -> refused(s, id, FormErrors.of((ApiProblem) e)));
    }

    /** After a write: back to the proposal (303), or the page again with what task-service refused. */
    private Uni<Response> again(Session s, String id, Uni<Void> write) {
        return write.map(v -> Response.seeOther(URI.create("/proposals/" + id)).build())
                .onFailure(e -> e instanceof ApiProblem p && p.status() < 500)
                .recoverWithUni(e -> refused(s, id, FormErrors.of((ApiProblem) e)));
    }

    private Uni<Response> refused(Session s, String id, FormErrors errors) {
        return proposals.proposal(s, id).map(d -> Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page(s, d, null, errors).render()).build());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
