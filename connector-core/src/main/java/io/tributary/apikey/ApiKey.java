package io.tributary.apikey;

import io.tributary.connection.Store;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An API key as stored: the SHA-256 of its token (never the token), its prefix, scope and methods. */
@Entity
@Table(name = "api_key")
public class ApiKey {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "token_prefix", nullable = false, length = 20)
    private String tokenPrefix;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Enumerated(EnumType.STRING)
    @Column(name = "access_type", nullable = false, length = 20)
    private AccessType accessType;

    @Column(name = "methods", nullable = false, length = 1000)
    private String methods;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "api_key_store", joinColumns = @JoinColumn(name = "api_key_id"),
            inverseJoinColumns = @JoinColumn(name = "store_id"))
    private Set<Store> stores = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {}

    ApiKey(String name, String tokenPrefix, String tokenHash, AccessType accessType, Set<Store> stores,
            List<String> methods, Instant createdAt) {
        this.name = name;
        this.tokenPrefix = tokenPrefix;
        this.tokenHash = tokenHash;
        this.active = true;
        this.accessType = accessType;
        this.stores = new LinkedHashSet<>(stores);
        this.methods = String.join(",", methods);
        this.createdAt = createdAt;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String tokenPrefix() {
        return tokenPrefix;
    }

    String tokenHash() {
        return tokenHash;
    }

    public boolean active() {
        return active;
    }

    public AccessType accessType() {
        return accessType;
    }

    public List<String> methods() {
        return methods.isEmpty() ? List.of() : Arrays.asList(methods.split(","));
    }

    public Set<Store> stores() {
        return stores;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    void revoke(Instant now) {
        active = false;
        revokedAt = now;
    }

    void activate() {
        active = true;
    }

    void used(Instant now) {
        lastUsedAt = now;
    }
}
