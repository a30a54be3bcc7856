package io.duban.task.review;

import io.duban.common.audit.AuditTrail;
import java.util.List;
import io.duban.common.problem.ProblemException;
import io.duban.common.problem.FieldError;
import io.duban.common.web.ETags;
import io.duban.task.assignment.AssignmentDto;
import io.duban.task.assignment.AssignmentRepository;
import io.duban.task.assignment.AssignmentStatus;
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

/**
 * 办结审核: PENDING_REVIEW → DONE (ACCEPT) or IN_PROGRESS (RETURN), against the assignment version the
 * supervisor read; of two supervisors deciding at once exactly one wins (a conditional UPDATE), the other 412.
 */
@ApplicationScoped
public class ReviewService {

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    @Inject
    AssignmentRepository assignments;

    @Inject
    ReviewRepository reviews;

    /** The 201 body: the decision and the assignment after it. */
    public record Reviewed(ReviewDto review, AssignmentDto assignment) {
    }

    public Uni<Idempotency.Stored> review(String region, UUID assignmentId, String ifMatch, String key, ReviewRequest body, String who) {
        long expected = ETags.requireVersion(ifMatch);
        List<FieldError> errors = ReviewRules.check(body);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors.get(0).message(), errors);
        }
        String idemKey = Idempotency.validKey(key, null);
        String hash = Idempotency.hash("review", assignmentId.toString(), Json.write(body));
        return pool.withTransaction(tx -> Idempotency.claim(tx, region, idemKey, hash).flatMap(replay -> {
            if (replay.isPresent()) {
                return Uni.createFrom().item(replay.get());
            }
            return assignments.transition(tx, region, assignmentId, null, expected, AssignmentStatus.PENDING_REVIEW,
                            ReviewRules.next(body.decision()), null, "审核")
                    .flatMap(updated -> reviews.pendingReport(tx, region, assignmentId).flatMap(report -> {
                        ReviewDto review = new ReviewDto(UUID.randomUUID(), region, assignmentId, report.reportId(), body.decision(),
                                body.comment() == null || body.comment().isBlank() ? null : body.comment().strip(),
                                report.completedOn(), who, Instant.now().truncatedTo(ChronoUnit.MICROS));
                        Idempotency.Stored response = new Idempotency.Stored(201, Json.write(new Reviewed(review, updated)));
                        return ChangeLog.append(tx, updated.snapshot())
                                .flatMap(v -> reviews.insert(tx, review))
                                .flatMap(v -> audit.inTransaction(tx, response.status(), review.id().toString()))
                                .flatMap(v -> Idempotency.complete(tx, region, idemKey, response))
                                .replaceWith(response);
                    }));
        }));
    }
}
