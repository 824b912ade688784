package org.solidarityfunds.bankstatement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
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
}
