package org.solidarityfunds.bankstatement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.solidarityfunds.persistence.InList;
import java.util.UUID;

/** How a line was handled, once and for good. A line without one is unreconciled. */
@Entity
@Table(name = "bank_line_outcome")
class BankLineOutcome extends PanacheEntityBase {

    /** What became of a line. */
    enum Kind {
        /** Recorded as a contribution (a credit). */
        CONTRIBUTION,
        /** The bank's side of a payment already in the ledger (a debit). */
        PAYMENT,
        /** Not the funds' money (bank charges, a transfer between the organisation's accounts...), with why. */
        DISMISSED
    }

    @Id
    @Column(name = "line_id")
    UUID lineId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    Kind outcome;

    @Column(name = "contribution_id")
    UUID contributionId;

    @Column(name = "disbursement_id")
    UUID disbursementId;

    @Column(name = "payment_id")
    UUID paymentId;

    @Column(length = 400)
    String reason;

    @Column(name = "handled_at", nullable = false)
    Instant handledAt;

    @Column(name = "handled_by", nullable = false, length = 200)
    String handledBy;

    /** The outcomes of these lines, by line: a line without one is unreconciled. */
    static Map<UUID, BankLineOutcome> of(List<BankLine> lines) {
        return InList.chunks("lineId", lines.stream().map(line -> line.id).toList()).stream()
                .flatMap(in -> BankLineOutcome.<BankLineOutcome>list(in.condition(), in.parameters()).stream())
                .collect(Collectors.toMap(outcome -> outcome.lineId, Function.identity()));
    }

    /** The outcomes of a statement's lines, by line, in one query. */
    static Map<UUID, BankLineOutcome> ofStatement(UUID statementId) {
        return BankLineOutcome.<BankLineOutcome>list(
                "lineId in (select l.id from BankLine l where l.statementId = ?1)", statementId).stream()
                .collect(Collectors.toMap(outcome -> outcome.lineId, Function.identity()));
    }

    /** Which of these contributions are already a line's (a contribution is one movement of the bank). */
    static Set<UUID> contributionsMatched(Collection<UUID> ids) {
        return matched("contribution_id", ids);
    }

    /** Which of these payments are already a line's. */
    static Set<UUID> paymentsMatched(Collection<UUID> ids) {
        return matched("payment_id", ids);
    }

    /** One query with one array parameter, however many ids. */
    @SuppressWarnings("unchecked")
    private static Set<UUID> matched(String column, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<UUID> found = getEntityManager().createNativeQuery("SELECT " + column + " FROM bank_line_outcome WHERE "
                + column + " = ANY(CAST(?1 AS uuid[]))").setParameter(1, ids.toArray(UUID[]::new)).getResultList();
        return Set.copyOf(found);
    }
}
