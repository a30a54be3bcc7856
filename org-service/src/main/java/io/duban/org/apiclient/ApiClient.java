package io.duban.org.apiclient;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A department system's credential (OAuth 2.0 client credentials): bound to one unit, or a read-only viewer. */
@Entity
@Table(name = "api_client")
public class ApiClient extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false, length = 6)
    public String region;

    @Column(name = "client_id", nullable = false, updatable = false, length = 64)
    public String clientId;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(nullable = false, length = 16)
    public String role;

    @Column(name = "unit_id")
    public UUID unitId;

    @Column(name = "secret_hash", nullable = false, length = 64)
    public String secretHash;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "secret_rotated_at", nullable = false)
    public OffsetDateTime secretRotatedAt = OffsetDateTime.now();
}
