package io.tributary.connection;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.time.Instant;

/**
 * A registered connection to an external system as stored: non-secret credential values as JSON, secret ones
 * sealed together by {@link io.tributary.secret.SecretCipher}. Only {@link ConnectionService} reads and writes it.
 */
@Entity
@Table(name = "connection")
public class StoredConnection {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "store_id", nullable = false)
    private Store store;

    @Column(name = "system_id", nullable = false, length = 40)
    private String systemId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "api_url", nullable = false, length = 2000)
    @Convert(converter = UriColumn.class)
    private URI apiUrl;

    @Column(name = "options_json", nullable = false, columnDefinition = "text")
    private String optionsJson;

    @Column(name = "secrets_encrypted", columnDefinition = "text")
    private String secretsEncrypted;

    @Column(name = "secret_fields", nullable = false, length = 500)
    private String secretFields;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "failing", nullable = false)
    private boolean failing;

    @Column(name = "last_error", length = 2000)
    private String lastError;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "removed_at")
    private Instant removedAt;

    @Column(name = "name_scope", nullable = false)
    private long nameScope;

    protected StoredConnection() {}

    StoredConnection(Store store, String systemId, String name, URI apiUrl, Instant now) {
        this.store = store;
        this.systemId = systemId;
        this.name = name;
        this.apiUrl = apiUrl;
        this.optionsJson = "{}";
        this.secretFields = "";
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public long id() {
        return id;
    }

    public Store store() {
        return store;
    }

    public String systemId() {
        return systemId;
    }

    public String name() {
        return name;
    }

    public URI apiUrl() {
        return apiUrl;
    }

    String optionsJson() {
        return optionsJson;
    }

    String secretsEncrypted() {
        return secretsEncrypted;
    }

    /** The names of the sealed credential fields. */
    java.util.List<String> secretFieldNames() {
        return secretFields.isEmpty() ? java.util.List.of() : java.util.List.of(secretFields.split(","));
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public boolean failing() {
        return failing;
    }

    public String lastError() {
        return failing ? lastError : null;
    }

    /** When it last proved to work (a verification or a sync that succeeded), or null: unverified. */
    public Instant verifiedAt() {
        return verifiedAt;
    }

    /** When it was removed with its records kept, or null while it is in use. */
    public Instant removedAt() {
        return removedAt;
    }

    /**
     * Removes it but for its row, which its kept records go on naming: no credentials, disabled, its name free for a
     * new connection of its store.
     */
    void retire(Instant now) {
        this.removedAt = now;
        this.nameScope = id;
        this.enabled = false;
        this.optionsJson = "{}";
        this.secretsEncrypted = null;
        this.secretFields = "";
        this.failing = false;
        this.consecutiveFailures = 0;
        this.lastError = null;
        this.verifiedAt = null;
        this.updatedAt = now;
    }

    void verified(Instant at) {
        this.verifiedAt = at;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void moveTo(Store newStore) {
        this.store = newStore;
    }

    void pointAt(URI newApiUrl) {
        this.apiUrl = newApiUrl;
    }

    void storeCredentials(String options, String sealedSecrets, java.util.Collection<String> sealedNames) {
        this.optionsJson = options;
        this.secretsEncrypted = sealedSecrets;
        this.secretFields = String.join(",", new java.util.TreeSet<>(sealedNames));
    }

    void enable(boolean on) {
        this.enabled = on;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }
}
