package org.solidarityfunds.bankstatement;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a bank's statement file says, as read, before anything is compared with the ledger:
 * one or more statements (a camt.053 file may hold several accounts' statements; a CFONB 120
 * file, one per account and day), each with its balances and its lines. The readers
 * (Camt053Reader, Cfonb120Reader) make it; nothing here knows the ledger.
 *
 * @param format  camt.053 or CFONB 120
 * @param version what the file declares, e.g. {@code camt.053.001.08}; {@code CFONB 120} for CFONB
 */
public record BankFile(Format format, String version, List<Statement> statements) {

    /** Limit: statements in one file. */
    public static final int STATEMENTS_MAX = 1_000;
    /** Limit: lines (entries, movements) in one file, all statements together. */
    public static final int LINES_MAX = 50_000;

    public BankFile {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(version, "version");
        statements = List.copyOf(statements);
    }

    public enum Format {
        CAMT_053, CFONB_120
    }

    /** Credit: money in; debit: money out, as the bank reads its account. */
    public enum Direction {
        CREDIT, DEBIT
    }

    /**
     * An account's statement.
     *
     * @param sourceLine    line of the file where it starts (a problem names it)
     * @param bankId        the bank's own id of the statement (camt {@code Stmt/Id}); null in CFONB
     * @param accountIban   the account's IBAN, compact and upper case, as written (not validated here); for
     *                      CFONB, made from the bank, branch and account numbers with their RIB key
     * @param accountOther  the account's other identifier when there is no IBAN (camt {@code Othr/Id}), else null
     * @param currency      ISO 4217 code of the account
     * @param opening       balance before the first line
     * @param closing       balance after the last line
     */
    public record Statement(int sourceLine, String bankId, String accountIban, String accountOther, String currency,
            Balance opening, Balance closing, List<Line> lines) {

        public Statement {
            if (accountIban == null && accountOther == null) {
                throw new IllegalArgumentException("a statement names its account");
            }
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(opening, "opening");
            Objects.requireNonNull(closing, "closing");
            lines = List.copyOf(lines);
        }

        /** Whether opening + the lines = closing, as every statement must (overflow counts as not). */
        public boolean addsUp() {
            try {
                long balance = opening.amountMinor();
                for (Line line : lines) {
                    balance = Math.addExact(balance, line.signedMinor());
                }
                return balance == closing.amountMinor();
            } catch (ArithmeticException e) {
                return false;
            }
        }

        /** The account as the file names it: its IBAN, else its other identifier. */
        public String account() {
            return accountIban != null ? accountIban : accountOther;
        }
    }

    /**
     * A balance on a day, signed in minor units of the statement's currency: positive in credit
     * (the account holds money), negative in debit (overdrawn).
     */
    public record Balance(LocalDate date, long amountMinor) {
        public Balance {
            Objects.requireNonNull(date, "date");
        }
    }

    /**
     * One movement on the account.
     *
     * @param sourceLine                line of the file where it starts (a problem names it)
     * @param bookingDate               the day the bank booked it
     * @param valueDate                 its value date, or null when the file has none
     * @param direction                 money in or out
     * @param amountMinor               in minor units of the statement's currency, never negative
     * @param reversal                  a return of an earlier movement (camt {@code RvslInd}; CFONB reject code)
     * @param counterpartyName          the payer of a credit, the payee of a debit, or null
     * @param counterpartyIban          their account as written (may be invalid: it is information), or null
     * @param counterpartyBic           their bank's BIC as written, or null
     * @param remittance                the payer's text (unstructured lines and structured references joined
     *                                  by " / "), or null
     * @param bankReference             the bank's unique reference of the movement (camt
     *                                  {@code AcctSvcrRef}), or null
     * @param entryReference            the entry's reference (camt {@code NtryRef}; CFONB's reference zone and
     *                                  entry number), or null
     * @param endToEndId                the payer's end-to-end id (camt {@code EndToEndId}, CFONB {@code RCN}),
     *                                  or null ({@code NOTPROVIDED} is null)
     * @param transactionCode           the bank's transaction code (camt {@code BkTxCd}, CFONB interbank code), or
     *                                  null
     * @param original                  the amount as instructed in another currency, with the rate, or null
     */
    public record Line(int sourceLine, LocalDate bookingDate, LocalDate valueDate, Direction direction,
            long amountMinor, boolean reversal, String counterpartyName, String counterpartyIban,
            String counterpartyBic, String remittance, String bankReference, String entryReference, String endToEndId,
            String transactionCode, Original original) {

        public Line {
            Objects.requireNonNull(bookingDate, "bookingDate");
            Objects.requireNonNull(direction, "direction");
            if (amountMinor < 0) {
                throw new IllegalArgumentException("a line's amount is never negative: its direction says");
            }
        }

        /** The signed amount: positive for a credit. */
        public long signedMinor() {
            return direction == Direction.CREDIT ? amountMinor : -amountMinor;
        }
    }

    /**
     * The amount as instructed in another currency (camt {@code AmtDtls/InstdAmt}, CFONB {@code MMO}).
     *
     * @param amountMinor  in minor units of that currency
     * @param currency     ISO 4217 code
     * @param rate         the statement's currency per unit of that currency, when the file gives it, else null
     */
    public record Original(long amountMinor, String currency, java.math.BigDecimal rate) {
        public Original {
            Objects.requireNonNull(currency, "currency");
        }
    }
}
