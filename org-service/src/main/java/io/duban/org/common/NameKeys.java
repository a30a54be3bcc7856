package io.duban.org.common;

import io.duban.org.directory.UnitNames;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * The names a unit or custom group answers to, held as comparison keys in {@code name_key} whose
 * primary key (region, key) lets one owner hold a key: the database, not a read-then-write check,
 * decides which of two concurrent writers gets a name (the other fails with a unique violation, 409).
 */
@ApplicationScoped
public class NameKeys {

    private static final Logger LOG = Logger.getLogger(NameKeys.class);
    public static final String UNIT = "UNIT";
    public static final String GROUP = "GROUP";

    @Inject
    DataSource jdbc;

    /**
     * Makes {@code names} (their keys) the ones {@code owner} holds, in the current transaction. Keys are
     * written in sorted order so that two writers claiming the same keys queue up instead of deadlocking.
     */
    public static Uni<Void> claim(String region, UUID owner, String kind, Collection<String> names) {
        List<String> keys = new ArrayList<>(keysOf(names));
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from name_key where region = ?1 and owner_id = ?2")
                .setParameter(1, region).setParameter(2, owner).executeUpdate()
                .chain(() -> insert(s, region, owner, kind, keys, 0)));
    }

    private static Uni<Void> insert(Mutiny.Session s, String region, UUID owner, String kind, List<String> keys, int i) {
        if (i == keys.size()) {
            return Uni.createFrom().voidItem();
        }
        return s.createNativeQuery("insert into name_key (region, key, owner_id, owner_kind) values (?1, ?2, ?3, ?4)")
                .setParameter(1, region).setParameter(2, keys.get(i)).setParameter(3, owner).setParameter(4, kind)
                .executeUpdate()
                .chain(() -> insert(s, region, owner, kind, keys, i + 1));
    }

    static TreeSet<String> keysOf(Collection<String> names) {
        TreeSet<String> keys = new TreeSet<>();
        names.stream().filter(Objects::nonNull).map(UnitNames::key).filter(k -> !k.isEmpty()).forEach(keys::add);
        return keys;
    }

    /** Gives units and groups written before name_key existed their keys (a key two of them share stays with the first). */
    void backfill(@Observes StartupEvent start) {
        String owners = "select region, id, name, aliases, ?::text as kind from %s t"
                + " where not exists (select 1 from name_key k where k.region = t.region and k.owner_id = t.id)";
        int filled = 0;
        try (Connection c = jdbc.getConnection()) {
            c.setAutoCommit(false);
            for (String[] table : new String[][] {{"unit", UNIT}, {"unit_group", GROUP}}) {
                try (PreparedStatement q = c.prepareStatement(String.format(owners, table[0]));
                     PreparedStatement ins = c.prepareStatement("insert into name_key (region, key, owner_id, owner_kind)"
                             + " values (?, ?, ?, ?) on conflict do nothing")) {
                    q.setString(1, table[1]);
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            List<String> names = new ArrayList<>();
                            names.add(r.getString("name"));
                            names.addAll(Arrays.asList(r.getString("aliases").split("\\|")));
                            for (String key : keysOf(names)) {
                                ins.setString(1, r.getString("region"));
                                ins.setString(2, key);
                                ins.setObject(3, r.getObject("id", UUID.class));
                                ins.setString(4, table[1]);
                                ins.addBatch();
                            }
                            filled++;
                        }
                    }
                    ins.executeBatch();
                }
            }
            c.commit();
        } catch (SQLException e) {
            // the service still runs; writes of these owners claim their keys again
            LOG.error("name_key backfill failed", e);
            return;
        }
        if (filled > 0) {
            LOG.infof("name_key: keys written for %d units and groups that had none", filled);
        }
    }
}
