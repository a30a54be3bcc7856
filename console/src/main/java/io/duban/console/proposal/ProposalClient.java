package io.duban.console.proposal;

import io.duban.console.api.Calls;
import io.duban.console.api.Paged;
import io.duban.console.proposal.ProposalModels.Detail;
import io.duban.console.proposal.ProposalModels.Link;
import io.duban.console.proposal.ProposalModels.NewFeedback;
import io.duban.console.proposal.ProposalModels.NewReply;
import io.duban.console.proposal.ProposalModels.Numbers;
import io.duban.console.proposal.ProposalModels.Proposal;
import io.duban.console.session.Session;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** task-service's 建议提案办理 as the console uses it, with the signed-in person's token. */
@ApplicationScoped
public class ProposalClient {

    private static final String NAME = "任务服务";

    @RestClient
    ProposalApi api;

    final Calls calls;

    public ProposalClient(Calls calls) {
        this.calls = calls;
    }

    public Uni<List<ProposalModels.Session>> sessions(Session s) {
        return calls.guard(NAME, api.sessions(s.bearer(), s.region(), 1, 200)).map(Paged::items);
    }

    public Uni<ProposalModels.Session> session(Session s, String planId) {
        return calls.guard(NAME, api.session(s.bearer(), s.region(), planId));
    }

    public Uni<List<Proposal>> proposals(Session s, String planId) {
        return calls.guard(NAME, api.proposals(s.bearer(), s.region(), planId, 1, 500)).map(Paged::items);
    }

    public Uni<Numbers> numbers(Session s, String planId, String asOf) {
        return calls.guard(NAME, api.numbers(s.bearer(), s.region(), planId, asOf));
    }

    public Uni<byte[]> workbook(Session s, String planId, String asOf) {
        return calls.guard(NAME, api.workbook(s.bearer(), s.region(), planId, asOf));
    }

    public Uni<Detail> proposal(Session s, String id) {
        return calls.guard(NAME, api.proposal(s.bearer(), s.region(), id));
    }

    public Uni<byte[]> letter(Session s, String id) {
        return calls.guard(NAME, api.letter(s.bearer(), s.region(), id));
    }

    public Uni<Void> reply(Session s, String id, NewReply r) {
        return calls.guard(NAME, api.reply(s.bearer(), s.region(), id, r)).map(Calls::ok).replaceWithVoid();
    }

    public Uni<Void> feedback(Session s, String id, NewFeedback f) {
        return calls.guard(NAME, api.feedback(s.bearer(), s.region(), id, f)).map(Calls::ok).replaceWithVoid();
    }

    public Uni<Link> link(Session s, String id) {
        return calls.guard(NAME, api.link(s.bearer(), s.region(), id));
    }
}
