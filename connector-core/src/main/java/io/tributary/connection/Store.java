package io.tributary.connection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A business (tenant) whose connections' data sits in the central store. {@code default} always exists. */
@Entity
@Table(name = "store")
public class Store {
    public static final String DEFAULT_CODE = "default";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, length = 64)
    private String code;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** ISO 3166 alpha-2: where phone numbers its orders carry without a country code are from; null: nowhere. */
    @Column(name = "country", length = 2)
    private String country;

    protected Store() {}

    public Store(String code, String name, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String country() {
        return country;
    }

    void country(String newCountry) {
        this.country = newCountry;
    }

    void rename(String newName) {
        this.name = newName;
    }
}
