package io.duban.org.unit;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Units of a region; every query is scoped by region. */
@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, UUID> {

    public Uni<Unit> findInRegion(String region, UUID id) {
        return find("region = ?1 and id = ?2", region, id).firstResult();
    }

    public Uni<List<Unit>> allInRegion(String region) {
        return list("region = ?1 order by name", region);
    }

    public Uni<List<Unit>> activeInRegion(String region) {
        return list("region = ?1 and active = true order by name", region);
    }
}
