package io.duban.org.account;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.UUID;

/** Accounts of a region and the global username directory; every account query is scoped by region. */
@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    public Uni<Account> findInRegion(String region, UUID id) {
        return find("region = ?1 and id = ?2", region, id).firstResult();
    }

    /** The account a username signs in to, whatever its region; null when no one has that name. */
    public Uni<Account> findByUsername(String username) {
        return LoginName.<LoginName>findById(key(username))
                .flatMap(n -> n == null ? Uni.createFrom().nullItem() : findInRegion(n.region, n.accountId));
    }

    public static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
