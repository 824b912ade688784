package org.solidarityfunds.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.solidarityfunds.observability.LedgerMetrics;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * The command boundary, and exactly-once for the POSTs that move money
 * (docs/reference/idempotency.md). A service hands its work to {@link #run}, which opens the
 * transaction; the resource turns the answer into HTTP after the commit. One transaction
 * holds, in this order: a transaction-scoped advisory lock on (caller, key), so
 * that a retry arriving while the first attempt runs is told so at once (409) on any
 * instance; the look-up of an earlier answer, replayed if the request is the same (422 if
 * it is not); the work itself; and the record of its answer. A crash or a refusal
 * releases the lock and leaves no record, so the key can be used again.
 */
@ApplicationScoped
public class Idempotency {

    /** Answers replayed from an earlier request carry this header with the value {@code true}. */
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    public static final String HEADER = "Idempotency-Key";
    public static final int KEY_LENGTH_MAX = 255;
    /** How the header reads in the OpenAPI document of every operation that takes it (see OpenApiConventions). */
    public static final String DESCRIPTION = "A unique value per operation (a UUID, say), 1 to 255 visible ASCII "
            + "characters, kept at least 24 hours. A retry with the same key and request gets the first answer again, "
            + "with Idempotency-Replayed: true; the same key with another request is refused (422), and a retry "
            + "while the first is still running gets 409.";
    static final Duration RETENTION_MIN = Duration.ofHours(24);
    private static final String LOCK_AND_READ = "SELECT pg_try_advisory_xact_lock(?);"
            + " SELECT request_method, request_path, request_fingerprint, response_status, response_location,"
            + " response_body, expires_at FROM idempotency_key WHERE subject = ? AND key = ?";

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration retention;
    private final RetriedTransactions transactions;
    private final LedgerMetrics metrics;

    Idempotency(EntityManager em, ObjectMapper json, Clock clock, RetriedTransactions transactions,
            LedgerMetrics metrics,
            @ConfigProperty(name = "ledger.idempotency.retention", defaultValue = "PT24H") Duration retention) {
        if (retention.compareTo(RETENTION_MIN) < 0) {
            throw new IllegalArgumentException("ledger.idempotency.retention must be at least " + RETENTION_MIN);
        }
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.retention = retention;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    /**
     * Runs a command's work once for its caller and key, in a transaction of its own (run again
     * after a serialization failure or a deadlock), and answers what the work produced, or what
     * it produced the first time. The answer is returned after the commit: nothing answered was
     * rolled back.
     */
    public <T> Answer<T> run(Request request, Supplier<Result<T>> work) {
        String key = parse(request.key());
        return transactions.run(() -> once(request, key, work));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    <T> Answer<T> once(Request request, String key, Supplier<Result<T>> work) {
        StoredResponse earlier = lockAndRead(request.subject(), key).orElse(null);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] fingerprint = fingerprint(request);
        if (earlier != null && earlier.expiresAt.isAfter(now)) {
            if (!earlier.requestMethod.equals(request.method()) || !earlier.requestPath.equals(request.path())
                    || !Arrays.equals(earlier.requestFingerprint, fingerprint)) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was first used for another request; use a new key for a new request.");
            }
            metrics.replayed();
            return Answer.replayed(earlier.responseStatus, earlier.responseBody, earlier.responseLocation);
        }
        // The work's first write must be its fund's lock, which gives the transaction its id:
        // the change feed orders a fund's events by it (ADR 0006; LedgerService.lock refuses a
        // transaction that wrote before). So an expired answer under this key is removed only
        // after the work.
        Result<T> result = work.get();
        if (earlier != null) {
            // Read outside the session: removed through it, as the rare case it is.
            em.remove(em.find(StoredResponse.class, new StoredResponse.Key(request.subject(), key)));
            em.flush();
        }
        StoredResponse answer = new StoredResponse();
        answer.subject = request.subject();
        answer.key = key;
        answer.requestMethod = request.method();
        answer.requestPath = request.path();
        answer.requestFingerprint = fingerprint;
        answer.responseStatus = (short) result.status();
        answer.responseLocation = result.location();
        answer.responseBody = write(result.view());
        answer.createdAt = now;
        answer.expiresAt = now.plus(retention);
        em.persist(answer);
        // The body as stored: written once (an import's answer is large), and the first answer
        // is byte for byte what a retry gets.
        return Answer.fresh(result, answer.responseBody);
    }

    /**
     * A command as its service receives it: who sends it, under which Idempotency-Key (as sent,
     * checked by {@link #run}), and the method, path and body that a retry must repeat exactly.
     */
    public record Request(String subject, String key, String method, String path, Object body) {

        public static Request post(String subject, String key, String path, Object body) {
            return new Request(subject, key, "POST", path, body);
        }
    }

    /**
     * Takes the key's advisory lock until the end of the transaction, without waiting, and reads
     * the answer stored under the key, in one round trip: PostgreSQL runs the read after the lock,
     * with a snapshot of its own, so it sees the answer of an attempt that committed before the
     * lock was free. Refused (409) if another attempt holds the lock. The answer read is not in
     * the session: nothing reads it back, and a flush need not check it.
     */
    private Optional<StoredResponse> lockAndRead(String subject, String key) {
        long lockId = ByteBuffer.wrap(sha256((subject + "\u0000" + key).getBytes(StandardCharsets.UTF_8))).getLong();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(LOCK_AND_READ)) {
                query.setLong(1, lockId);
                query.setString(2, subject);
                query.setString(3, key);
                query.execute();
                try (ResultSet locked = query.getResultSet()) {
                    if (!locked.next() || !locked.getBoolean(1)) {
                        throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_IN_USE, "A request with this "
                                + "Idempotency-Key is still being processed; retry after it has finished.");
                    }
                }
                if (!query.getMoreResults()) {
                    throw new IllegalStateException("the idempotency key's look-up answered nothing");
                }
                try (ResultSet rs = query.getResultSet()) {
                    if (!rs.next()) {
                        return Optional.<StoredResponse>empty();
                    }
                    StoredResponse earlier = new StoredResponse();
                    earlier.subject = subject;
                    earlier.key = key;
                    earlier.requestMethod = rs.getString(1);
                    earlier.requestPath = rs.getString(2);
                    earlier.requestFingerprint = rs.getBytes(3);
                    earlier.responseStatus = rs.getShort(4);
                    earlier.responseLocation = rs.getString(5);
                    earlier.responseBody = rs.getString(6);
                    earlier.expiresAt = rs.getObject(7, OffsetDateTime.class).toInstant();
                    return Optional.of(earlier);
                }
            }
        });
    }

    /** The key as sent: a token or an RFC 8941 string ("..."), 1 to 255 visible ASCII characters. */
    static String parse(String rawKey) {
        if (rawKey == null || rawKey.isBlank()) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_MISSING,
                    "Send an Idempotency-Key header, a unique value per operation (a UUID, say).");
        }
        String key = rawKey.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (key.isEmpty() || key.length() > KEY_LENGTH_MAX || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProblemException.invalid(HEADER, "must be 1 to " + KEY_LENGTH_MAX + " visible ASCII characters");
        }
        return key;
    }

    private byte[] fingerprint(Request request) {
        return sha256((request.method() + " " + request.path() + "\n" + write(request.body()))
                .getBytes(StandardCharsets.UTF_8));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response or command that cannot be written as JSON", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
