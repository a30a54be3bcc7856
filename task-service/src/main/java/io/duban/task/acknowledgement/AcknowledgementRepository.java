package io.duban.task.acknowledgement;

import io.duban.task.feed.ChangeLog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.Arrays;

/** 签收 facts in SQL: the row and its feed item, in the caller's transaction. */
@ApplicationScoped
public class AcknowledgementRepository {

    public Uni<Void> insert(SqlClient tx, AcknowledgementDto a) {
        return tx.preparedQuery("insert into acknowledgement (region, id, assignment_id, unit_id, via, acknowledged_on, acknowledged_by, "
                        + "acknowledged_at) values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.tuple(Arrays.asList(a.region(), a.id(), a.assignmentId(), a.unitId(), a.via(), a.acknowledgedOn(),
                        a.acknowledgedBy(), a.acknowledgedAt().atOffset(ZoneOffset.UTC))))
                .flatMap(v -> ChangeLog.append(tx, a.snapshot()));
    }
}
