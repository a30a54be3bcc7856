package io.duban.task.orgclient;

import io.duban.common.web.Ids;
import io.duban.task.assignment.Role;
import java.util.UUID;
import io.duban.common.problem.ProblemException;
import io.duban.task.orgclient.OrgApi.UnitView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The one way task-service talks to org-service. Owns the timeout, retries transient failures of
 * the idempotent reads, and turns "unreachable / 5xx / timeout" into a 503 problem so that an
 * import that cannot resolve its 责任单位 writes nothing.
 */
@ApplicationScoped
public class OrgClient {

    private static final Logger LOG = Logger.getLogger(OrgClient.class);

    @Inject
    @RestClient
    OrgApi api;

    @Inject
    OrgConfig config;

    /** org-service resolves at most this many texts per call (413 beyond). */
    static final int MAX_BATCH = 20_000;

    /**
     * Resolves the cells, in one call unless there are more than {@link #MAX_BATCH} distinct texts;
     * the answer has one resolution per text, in order.
     */
    public Uni<List<Resolution>> resolveBatch(String region, String authorization, List<String> texts) {
        if (texts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        if (texts.size() > MAX_BATCH) {
            List<String> head = texts.subList(0, MAX_BATCH);
            List<String> tail = texts.subList(MAX_BATCH, texts.size());
            return resolveBatch(region, authorization, head).flatMap(first -> resolveBatch(region, authorization, tail)
                    .map(rest -> {
                        List<Resolution> all = new java.util.ArrayList<>(first);
                        all.addAll(rest);
                        return all;
                    }));
        }
        return guarded(() -> api.resolveBatch(region, authorization, new OrgApi.ResolveBatchRequest(texts)))
                .map(r -> {
                    if (r == null || r.results() == null || r.results().size() != texts.size()) {
                        throw ProblemException.upstreamUnavailable("组织机构服务返回的责任单位解析结果数量不符，导入未执行。");
                    }
                    return r.results().stream().map(OrgClient::local).toList();
                });
    }

    /** org-service's answer for one text in local types; an answer this side cannot read is org-service's fault (503). */
    static Resolution local(OrgApi.Resolution wire) {
        if (wire == null) {
            throw ProblemException.upstreamUnavailable("组织机构服务返回了空的责任单位解析结果。");
        }
        List<Resolution.ResolvedUnit> units = new java.util.ArrayList<>();
        for (OrgApi.ResolvedUnit u : wire.assignmentsOrEmpty()) {
            units.add(new Resolution.ResolvedUnit(unitId(u.unitId()), u.unitName(), role(u.role()), u.matchedText()));
        }
        List<Resolution.Unresolved> unresolved = wire.unresolvedOrEmpty().stream()
                .map(u -> new Resolution.Unresolved(u.text(), Resolution.Reason.of(u.reason()), u.suggestions())).toList();
        return new Resolution(units, unresolved);
    }

    private static UUID unitId(String raw) {
        UUID id = Ids.parse(raw);
        if (id == null) {
            throw ProblemException.upstreamUnavailable("组织机构服务返回了无效的单位编号。");
        }
        return id;
    }

    private static Role role(String raw) {
        try {
            return Role.valueOf(raw);
        } catch (RuntimeException e) {
            throw ProblemException.upstreamUnavailable("组织机构服务返回了未知的角色：" + raw);
        }
    }

    /** The unit with this id, or empty when org-service does not know it. */
    public Uni<Optional<UnitView>> unit(String region, String authorization, String unitId) {
        return guarded(() -> api.unit(region, unitId, authorization)
                .map(Optional::ofNullable)
                .onFailure(e -> status(e) == 404).recoverWithItem(Optional.empty()));
    }

    private <T> Uni<T> guarded(java.util.function.Supplier<Uni<? extends T>> call) {
        return Uni.createFrom().<T>deferred(call)
                .ifNoItem().after(config.timeout()).fail()
                .onFailure(this::isTransient).retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(1)).atMost(config.retries())
                .onFailure(e -> !(e instanceof ProblemException)).transform(e -> {
                    LOG.warnf("org-service call failed: %s", e.toString());
                    int status = status(e);
                    if (status == 401 || status == 403) {
                        return ProblemException.forbidden("组织机构服务拒绝了当前令牌（HTTP " + status + "）。");
                    }
                    return ProblemException.upstreamUnavailable("组织机构服务暂不可用，请稍后重试。");
                });
    }

    /** Timeouts, connection failures and 5xx are worth another try; a 4xx is not. */
    boolean isTransient(Throwable e) {
        if (e instanceof TimeoutException || e instanceof io.smallrye.mutiny.TimeoutException) {
            return true;
        }
        int status = status(e);
        if (status > 0) {
            return status >= 500;
        }
        return e instanceof ProcessingException || e instanceof IOException || e.getCause() instanceof IOException;
    }

    private static int status(Throwable e) {
        return e instanceof WebApplicationException w && w.getResponse() != null ? w.getResponse().getStatus() : -1;
    }
}
