package io.duban.org.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The global username directory: a lower-cased username → the region and account it signs in to. */
@Entity
@Table(name = "login_name")
public class LoginName extends io.quarkus.hibernate.reactive.panache.PanacheEntityBase {

    @Id
    @Column(name = "username_key", length = 32)
    public String usernameKey;

    @Column(nullable = false, length = 6)
    public String region;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;
}
