package io.duban.org.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A group the supervisor defined for the region (e.g. a 专班): by unit kinds or by explicit members. */
@Entity
@Table(name = "unit_group")
public class CustomGroup {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false, length = 6)
    public String region;

    @Column(nullable = false, length = 100)
    public String name;

    /** '|'-separated. */
    @Column(nullable = false)
    public String aliases = "";

    /** Unit kinds, '|'-separated. */
    @Column(nullable = false)
    public String kinds = "";

    /** Unit ids, '|'-separated. */
    @Column(name = "member_ids", nullable = false)
    public String memberIds = "";

    @Version
    public long version;

    static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\\|"));
    }
}
