package io.duban.org.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** What a region requires of sign-ins beyond the fixed rules; a region without a row has the defaults. */
@Entity
@Table(name = "security_policy")
public class SecurityPolicy extends PanacheEntityBase {

    @Id
    @Column(length = 6)
    public String region;

    @Column(name = "supervisor_totp_required", nullable = false)
    public boolean supervisorTotpRequired;

    @Version
    public long version;
}
