package io.duban.org.unit;

import io.duban.org.directory.UnitKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A 单位 of one region as stored. The database key is (region, id); ids are random UUIDs, so the
 * entity may use the id alone. Units are never deleted: old assignments keep pointing at them.
 */
@Entity
@Table(name = "unit")
public class Unit {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false, length = 6)
    public String region;

    @Column(nullable = false, length = 100)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public UnitKind kind;

    /** '|'-separated, in the order given. */
    @Column(nullable = false)
    public String aliases = "";

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(nullable = false)
    public boolean active = true;

    /** JSON array of {@link Contact}. */
    @Column(nullable = false)
    public String contacts = "[]";

    @Version
    public long version;

    public List<String> aliasList() {
        return aliases == null || aliases.isEmpty() ? List.of() : Arrays.asList(aliases.split("\\|"));
    }

    public void aliasList(List<String> list) {
        aliases = list == null ? "" : String.join("|", list);
    }
}
