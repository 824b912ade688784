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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
        if (!lock(request.subject(), key)) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_IN_USE,
                    "A request with this Idempotency-Key is still being processed; retry after it has finished.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] fingerprint = fingerprint(request);
        StoredResponse earlier = em.find(StoredResponse.class, new StoredResponse.Key(request.subject(), key));
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
            // The work may have cleared the session (a large reconciliation does): read again then.
            em.remove(em.contains(earlier) ? earlier : em.merge(earlier));
            em.flush();
        }
        StoredResponse stored = new StoredResponse();
        stored.subject = request.subject();
        stored.key = key;
        stored.requestMethod = request.method();
        stored.requestPath = request.path();
        stored.requestFingerprint = fingerprint;
        stored.responseStatus = (short) result.status();
        stored.responseLocation = result.location();
        stored.responseBody = write(result.view());
        stored.createdAt = now;
        stored.expiresAt = now.plus(retention);
        em.persist(stored);
        // The body as stored: written once (an import's answer is large), and the first answer
        // is byte for byte what a retry gets.
        return Answer.fresh(result, stored.responseBody);
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

    /** Takes the key's advisory lock until the end of the transaction, without waiting. */
    private boolean lock(String subject, String key) {
        long lockId = ByteBuffer.wrap(sha256((subject + "\u0000" + key).getBytes(StandardCharsets.UTF_8))).getLong();
        Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, lockId)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
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
