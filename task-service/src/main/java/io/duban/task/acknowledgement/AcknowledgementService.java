package io.duban.task.acknowledgement;

import io.duban.common.audit.AuditTrail;
import io.duban.common.web.ETags;
import io.duban.task.assignment.AssignmentDto;
import io.duban.task.assignment.AssignmentRepository;
import io.duban.task.assignment.AssignmentStatus;
import io.duban.task.common.Days;
import io.duban.task.common.Idempotency;
import io.duban.task.common.Json;
import io.duban.task.feed.ChangeLog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** 签收: PENDING_ACK → NOT_STARTED, the fact and both feed items in one transaction. */
@ApplicationScoped
public class AcknowledgementService {

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    @Inject
    AssignmentRepository assignments;

    @Inject
    AcknowledgementRepository acknowledgements;

    /** The 200 body: the acknowledgement and the assignment after it. */
    public record Acknowledged(AcknowledgementDto acknowledgement, AssignmentDto assignment) {
    }

    public Uni<Idempotency.Stored> acknowledge(String region, UUID assignmentId, UUID unitScope, String ifMatch, String key, String who) {
        long expected = ETags.requireVersion(ifMatch);
        String idemKey = Idempotency.validKey(key, unitScope);
        String hash = Idempotency.hash("acknowledgement", assignmentId.toString());
        return pool.withTransaction(tx -> Idempotency.claim(tx, region, idemKey, hash).flatMap(replay -> {
            if (replay.isPresent()) {
                return Uni.createFrom().item(replay.get());
            }
            return assignments.transition(tx, region, assignmentId, unitScope, expected, AssignmentStatus.PENDING_ACK,
                            AssignmentStatus.NOT_STARTED, Days.today(), "签收")
                    .flatMap(signed -> {
                        AcknowledgementDto ack = AcknowledgementDto.of(signed, AcknowledgementDto.VIA_ACKNOWLEDGEMENT, who,
                                Instant.now().truncatedTo(ChronoUnit.MICROS));
                        Idempotency.Stored response = new Idempotency.Stored(200, Json.write(new Acknowledged(ack, signed)));
                        return ChangeLog.append(tx, signed.snapshot())
                                .flatMap(v -> acknowledgements.insert(tx, ack))
                                .flatMap(v -> audit.inTransaction(tx, response.status()))
                                .flatMap(v -> Idempotency.complete(tx, region, idemKey, response))
                                .replaceWith(response);
                    });
        }));
    }
}
