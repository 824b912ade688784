package org.solidarityfunds.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * What a failure says about the database, read from every exception it carries: its chain of
 * causes and the exceptions suppressed along it. The transaction manager does not chain the
 * database's exception when a commit fails (the flush before it, or the commit itself, on a
 * connection that PostgreSQL has just ended): it throws a RollbackException of its own that
 * holds PostgreSQL's as suppressed.
 */
public final class DatabaseFailures {

    /** Limit: exceptions looked at in one failure, causes and suppressed at any depth. */
    private static final int EXCEPTIONS_MAX = 64;

    private DatabaseFailures() {
    }

    /**
     * The database is out of reach or the connection pool is exhausted (SQLSTATE class 08,
     * Agroal's acquisition timeouts), it is shutting down, restarting or recovering (class 57P:
     * 57P01 a fast shutdown or pg_terminate_backend, 57P02 a crash, 57P03 not yet accepting
     * connections), it has no room for another connection (53300), or it gave up on a
     * transaction it may retry (40001 serialization failure, 40P01 deadlock): the request may
     * succeed if tried again.
     */
    public static boolean isUnavailable(Throwable failure) {
        return any(failure, e -> {
            if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
                return true;
            }
            if (e instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                return state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                        || isRetryableState(state) || isAcquisitionTimeout(sql);
            }
            return false;
        });
    }

    /**
     * The message of a refusal that one of the schema's own triggers raised with this SQLSTATE
     * (a code of its own, such as SF001, never a standard one), if the failure carries one. Such
     * a message is written for the client, and quotes no row.
     */
    public static Optional<String> refusal(Throwable failure, String sqlState) {
        Optional<String>[] message = new Optional[] {Optional.empty()};
        any(failure, e -> {
            if (e instanceof PSQLException sql && sqlState.equals(sql.getSQLState())) {
                ServerErrorMessage server = sql.getServerErrorMessage();
                message[0] = Optional.ofNullable(server == null ? null : server.getMessage());
                return true;
            }
            return false;
        });
        return message[0];
    }

    /** PostgreSQL aborted the transaction, and only it, for a reason a second attempt can clear: 40001 or 40P01. */
    public static boolean isRetryable(Throwable failure) {
        return any(failure, e -> e instanceof SQLException sql && isRetryableState(sql.getSQLState()));
    }

    /**
     * Agroal's, without a SQLSTATE: "Sorry, acquisition timeout!" (every connection busy) or
     * "Acquisition timeout while waiting for new connection" (the database slow to accept one,
     * as during a failover whose new address does not answer yet).
     */
    private static boolean isAcquisitionTimeout(SQLException sql) {
        return sql.getSQLState() == null
                && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    private static boolean isRetryableState(String state) {
        return "40001".equals(state) || "40P01".equals(state);
    }

    /** Whether the failure or any exception it carries (causes, suppressed) matches. */
    static boolean any(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty() && seen.size() < EXCEPTIONS_MAX) {
            Throwable e = pending.poll();
            if (!seen.add(e)) {
                continue;
            }
            if (test.test(e)) {
                return true;
            }
            if (e.getCause() != null) {
                pending.add(e.getCause());
            }
            Collections.addAll(pending, e.getSuppressed());
            if (e instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
        }
        return false;
    }
}
