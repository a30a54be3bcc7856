package io.duban.org.group;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Custom groups of a region. */
@ApplicationScoped
public class CustomGroupRepository implements PanacheRepositoryBase<CustomGroup, UUID> {

    public Uni<List<CustomGroup>> allInRegion(String region) {
        return list("region = ?1 order by name, id", region);
    }
}
