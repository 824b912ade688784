package org.solidarityfunds.bankstatement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.solidarityfunds.money.MoneyView;
import org.solidarityfunds.money.SignedMoneyView;

/** What the API answers about staged statements: one home for their shapes. */
public final class StatementViews {

    private StatementViews() {
    }

    /** A file as staged: its statements, each with its totals. */
    @Schema(name = "StagedBankFile")
    public record FileView(
            @Schema(required = true) UUID id,
            @Schema(required = true, example = "CAMT_053") BankFile.Format format,
            @Schema(required = true, example = "camt.053.001.08") String version,
            @Schema(required = true, description = "SHA-256 of the file's bytes, hexadecimal.") String sha256,
            @Schema(required = true) int sizeBytes,
            @Schema(required = true) Instant stagedAt,
            @Schema(required = true) List<StatementView> statements,
            @Schema(required = true, description = "The same file (same bytes) staged before, oldest first: its lines "
                    + "are all duplicates now.") List<EarlierFile> stagedBefore) {
    }

    @Schema(name = "EarlierBankFile")
    public record EarlierFile(@Schema(required = true) UUID id, @Schema(required = true) Instant stagedAt,
            @Schema(required = true) String stagedBy) {
    }

    /** What a line has become: open until handled; a duplicate is never handled itself. */
    public enum LineStatus {
        OPEN, DUPLICATE, CONTRIBUTION, PAYMENT, DISMISSED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BankStatement")
    public record StatementView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID fileId,
            @Schema(required = true) UUID bankAccountId,
            @Schema(required = true, example = "FR7630006000011234567890189") String iban,
            @Schema(description = "The fund whose own account it is; absent for a shared account.") String fund,
            @Schema(description = "The bank's id of the statement (camt.053 Stmt/Id).") String bankId,
            @Schema(required = true, description = "Line of the file where the statement starts.") int sourceLine,
            @Schema(required = true) Balance opening,
            @Schema(required = true) Balance closing,
            @Schema(required = true, description = "How many lines, and how many of each status.") Counts lines,
            @Schema(required = true, description = "The credits and debits not yet handled (duplicates left out).")
            Unreconciled unreconciled,
            @Schema(required = true, description = "The ledger's bank balance of the account's funds on the closing "
                    + "day, by the dates of their entries, and how far the bank's closing balance is from it.")
            LedgerComparison ledger) {
    }

    @Schema(name = "BankBalance")
    public record Balance(@Schema(required = true) LocalDate on, @Schema(required = true) SignedMoneyView amount) {
    }

    @Schema(name = "BankLineCounts")
    public record Counts(@Schema(required = true) int total, @Schema(required = true) int open,
            @Schema(required = true) int duplicate, @Schema(required = true) int contribution,
            @Schema(required = true) int payment, @Schema(required = true) int dismissed) {
    }

    @Schema(name = "Unreconciled")
    public record Unreconciled(@Schema(required = true) int count, @Schema(required = true) MoneyView credits,
            @Schema(required = true) MoneyView debits) {
    }

    @Schema(name = "LedgerComparison")
    public record LedgerComparison(
            @Schema(required = true, description = "The funds whose bank money the account holds.") List<String> funds,
            @Schema(required = true) LocalDate on,
            @Schema(required = true) SignedMoneyView ledgerBank,
            @Schema(required = true, description = "The statement's closing balance minus the ledger's bank "
                    + "balance: zero when every movement is in the ledger.") SignedMoneyView difference) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BankLine")
    public record LineView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID statementId,
            @Schema(required = true, description = "Its rank in the statement, from 1.") int position,
            @Schema(required = true, description = "Line of the file where it starts.") int sourceLine,
            @Schema(required = true) LocalDate bookingDate,
            LocalDate valueDate,
            @Schema(required = true) BankFile.Direction direction,
            @Schema(required = true) MoneyView amount,
            @Schema(required = true, description = "A return of an earlier movement.") boolean reversal,
            String counterpartyName,
            String counterpartyIban,
            String remittance,
            @Schema(description = "The bank's reference of the movement (camt.053 AcctSvcrRef).") String bankReference,
            @Schema(description = "camt.053 NtryRef; CFONB's reference or entry number.") String entryReference,
            String endToEndId,
            @Schema(description = "The amount as instructed in another currency, when the bank gives it.")
            OriginalView original,
            @Schema(required = true) LineStatus status,
            @Schema(description = "For a DUPLICATE: the line that first brought the same movement.") UUID duplicateOf,
            @Schema(required = true) ProposalView proposal,
            @Schema(description = "How it was handled, once it was.") OutcomeView outcome) {
    }

    @Schema(name = "BankLineOriginalAmount")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OriginalView(@Schema(required = true) MoneyView amount,
            @Schema(description = "The statement's currency per unit of it, when the bank gives it.")
            java.math.BigDecimal rate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BankLineProposal")
    public record ProposalView(UUID donorId, UUID pledgeId, Short instalment, UUID disbursementId,
            @Schema(description = "For a debit: the payment (one tranche of the disbursement) it is.") UUID paymentId,
            @Schema(description = "A contribution already recorded that the credit is.") UUID contributionId,
            @Schema(required = true) Proposal.Confidence confidence,
            @Schema(required = true) String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BankLineOutcome")
    public record OutcomeView(@Schema(required = true) LineStatus status, UUID contributionId, UUID disbursementId,
            @Schema(description = "The payment (one tranche of the disbursement) a debit was matched to.") UUID paymentId,
            String reason, @Schema(required = true) Instant handledAt, @Schema(required = true) String handledBy) {
    }

    /**
     * What finance may make of one line instead of what was proposed, as the console offers it:
     * the funds whose money the account holds; for a debit, the payments no line is yet; for a
     * credit, the donors who still owe those funds (open pledges) and the contributions of its
     * amount no line is yet (recorded by hand). Payments and contributions are capped at
     * {@link #CHOICES_MAX}, the likeliest first.
     */
    public record LineChoices(LineView line, List<String> funds,
            List<org.solidarityfunds.disbursement.DisbursementService.Paid> payments, List<UUID> owingDonors,
            List<org.solidarityfunds.contribution.ContributionSummary> contributions) {

        /** Limit: the payments, or the contributions, offered for one line. */
        public static final int CHOICES_MAX = 100;
    }

    /** What names a statement above one of its lines: its account (shared by several funds or not), its last day, its currency. */
    public record Heading(UUID id, String iban, boolean shared, LocalDate closingOn, String currency) {
    }

    /** A staged statement as a list shows it: which account, which days, how much is left to reconcile. */
    public record StatementSummary(UUID id, String iban, String fund, String bankId, LocalDate openingOn,
            LocalDate closingOn, SignedMoneyView closing, Instant stagedAt, String stagedBy, int open) {
    }

    /** What a reconciliation did. */
    @Schema(name = "ReconciliationResult")
    public record ReconciliationView(
            @Schema(required = true, description = "New contributions recorded.") int contributions,
            @Schema(required = true, description = "Credits matched to contributions already recorded.") int matched,
            @Schema(required = true) int payments,
            @Schema(required = true) int dismissed,
            @Schema(required = true) StatementView statement) {
    }

    /** An account's lines nobody has handled yet, across its statements. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "UnreconciledLines")
    public record UnreconciledView(@Schema(required = true) Unreconciled total,
            @Schema(required = true) List<LineView> items,
            String nextCursor,
            @Schema(required = true) boolean hasMore) {
    }
}
