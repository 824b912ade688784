package org.solidarityfunds.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Facts that never change once committed, kept in memory so that a hot path does not read them
 * again: a fund's id, code and currency, a donor's number (the database refuses to change them,
 * V15__fixed_identities.sql, and never deletes their rows). A fact read in a transaction is kept
 * once that transaction commits, so that one created and then rolled back is never kept. Every
 * instance keeps its own: a fact written by another instance is read from the database the first
 * time, as before. At most {@link #MAX} facts; past that, the others are read each time.
 */
public final class CommittedFacts<K, V> {

    /** Limit: facts kept per kind (funds, donors). */
    public static final int MAX = 10_000;

    private final ConcurrentHashMap<K, V> facts = new ConcurrentHashMap<>();
    private final TransactionSynchronizationRegistry transactions;

    public CommittedFacts(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    public Optional<V> get(K key) {
        return Optional.ofNullable(facts.get(key));
    }

    /**
     * Keeps a fact read in the current transaction, once that transaction commits. A transaction
     * already marked for rollback takes no more synchronizations, and will not commit: nothing
     * is kept from it.
     */
    public V keep(K key, V value) {
        if (facts.size() < MAX && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED && facts.size() < MAX) {
                        facts.putIfAbsent(key, value);
                    }
                }
            });
        }
        return value;
    }
}
