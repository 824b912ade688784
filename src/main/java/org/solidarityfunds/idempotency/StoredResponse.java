package org.solidarityfunds.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The first successful answer given to one caller's Idempotency-Key. */
@Entity
@IdClass(StoredResponse.Key.class)
@Table(name = "idempotency_key")
public class StoredResponse extends PanacheEntityBase {

    @Id
    @Column(length = 200)
    public String subject;

    @Id
    @Column(length = 255)
    public String key;

    @Column(name = "request_method", nullable = false, length = 10)
    public String requestMethod;

    @Column(name = "request_path", nullable = false, length = 500)
    public String requestPath;

    @Column(name = "request_fingerprint", nullable = false)
    public byte[] requestFingerprint;

    @Column(name = "response_status", nullable = false)
    public short responseStatus;

    @Column(name = "response_location", length = 500)
    public String responseLocation;

    @Column(name = "response_body", nullable = false, columnDefinition = "text")
    public String responseBody;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    public record Key(String subject, String key) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
