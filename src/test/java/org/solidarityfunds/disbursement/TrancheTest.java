package org.solidarityfunds.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.ledger.Account;
import org.solidarityfunds.ledger.EntryKind;
import org.solidarityfunds.ledger.Posting;
import org.solidarityfunds.ledger.Side;
import org.solidarityfunds.money.Money;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/** How one payment of a disbursement is checked and booked: the pure rule, without a database. */
class TrancheTest {

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    private static Tranche.Foreign mzn(long minor, String rate) {
        return new Tranche.Foreign(Money.of(minor, "MZN"), new BigDecimal(rate));
    }

    @Test
    void a_tranche_in_the_funds_currency_settles_what_it_debited_and_leaves_the_rest_committed() {
        Tranche tranche = Tranche.of(eur(50_000_00), eur(20_000_00), null, null, null);
        assertThat(tranche.settled()).isEqualTo(eur(20_000_00));
        assertThat(tranche.left()).isEqualTo(eur(30_000_00));
        assertThat(tranche.settlesAll()).isFalse();
        assertThat(tranche.entries()).extracting(Tranche.Entry::kind).containsExactly(EntryKind.DISBURSEMENT_PAID);
        assertThat(Tranche.of(eur(30_000_00), eur(30_000_00), null, null, null).settlesAll()).isTrue();
    }

    @Test
    void charges_come_out_of_available_money_in_an_entry_of_their_own_never_out_of_the_commitment() {
        Tranche tranche = Tranche.of(eur(50_000_00), eur(20_000_00), null, 15_00L, null);
        assertThat(tranche.left()).isEqualTo(eur(30_000_00));
        List<Tranche.Entry> entries = tranche.entries();
        assertThat(entries).extracting(Tranche.Entry::kind)
                .containsExactly(EntryKind.DISBURSEMENT_PAID, EntryKind.BANK_CHARGES);
        assertThat(entries.get(1).lines()).containsExactly(Posting.Line.debit(Account.AVAILABLE, eur(15_00)),
                Posting.Line.credit(Account.BANK, eur(15_00)));
        everyEntryKeepsBankEqualToAvailablePlusCommitted(entries);
    }

    @Test
    void a_transfer_that_cost_more_than_the_commitment_it_settles_books_the_loss_from_available_money() {
        // 1,800,000.00 MZN at 0.0139 EUR: 25,020.00 EUR debited for a tranche of 24,500.00 committed.
        Tranche tranche = Tranche.of(eur(50_000_00), eur(25_020_00), 24_500_00L, null, mzn(1_800_000_00, "0.0139"));
        assertThat(tranche.difference()).isEqualTo(520_00);
        assertThat(tranche.left()).isEqualTo(eur(25_500_00));
        List<Tranche.Entry> entries = tranche.entries();
        assertThat(entries).extracting(Tranche.Entry::kind)
                .containsExactly(EntryKind.DISBURSEMENT_PAID, EntryKind.EXCHANGE_LOSS);
        assertThat(entries.get(0).lines()).extracting(Posting.Line::amount).containsOnly(eur(24_500_00));
        assertThat(entries.get(0).lines().get(1).original()).as("the bank line is not the whole debit").isNull();
        assertThat(entries.get(1).lines()).containsExactly(Posting.Line.debit(Account.AVAILABLE, eur(520_00)),
                Posting.Line.credit(Account.BANK, eur(520_00)));
        everyEntryKeepsBankEqualToAvailablePlusCommitted(entries);
    }

    @Test
    void a_transfer_that_cost_less_gives_the_rest_of_what_it_settles_back_to_available_money() {
        Tranche tranche = Tranche.of(eur(50_000_00), eur(24_000_00), 24_500_00L, 12_00L, mzn(1_800_000_00, "0.01333"));
        assertThat(tranche.difference()).isEqualTo(-500_00);
        List<Tranche.Entry> entries = tranche.entries();
        assertThat(entries).extracting(Tranche.Entry::kind)
                .containsExactly(EntryKind.DISBURSEMENT_PAID, EntryKind.EXCHANGE_GAIN, EntryKind.BANK_CHARGES);
        assertThat(entries.get(0).lines().get(1).original()).as("the foreign amount of the whole debit")
                .isEqualTo(new Posting.OriginalAmount(Money.of(1_800_000_00, "MZN"), new BigDecimal("0.01333")));
        assertThat(entries.get(1).lines()).containsExactly(Posting.Line.debit(Account.COMMITMENTS, eur(500_00)),
                Posting.Line.credit(Account.AVAILABLE, eur(500_00)));
        everyEntryKeepsBankEqualToAvailablePlusCommitted(entries);
    }

    @Test
    void a_payment_never_settles_more_than_is_left_committed() {
        assertThatThrownBy(() -> Tranche.of(eur(10_000_00), eur(10_000_01), null, null, null))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.PAYMENT_EXCEEDS_COMMITMENT))
                .hasMessageContaining("10000.01").hasMessageContaining("10000.00 is left");
        assertThatThrownBy(() -> Tranche.of(eur(10_000_00), eur(10_100_00), null, null, mzn(720_000_00, "0.014")))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.PAYMENT_EXCEEDS_COMMITMENT))
                .hasMessageContaining("give commitmentSettledMinor");
    }

    @Test
    void only_a_transfer_in_another_currency_settles_another_amount_than_it_debited() {
        assertThatThrownBy(() -> Tranche.of(eur(10_000_00), eur(5_000_00), 4_900_00L, null, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).field())
                        .isEqualTo("commitmentSettledMinor"));
    }

    @Test
    void a_rate_typed_the_other_way_round_is_refused_with_the_rate_that_fits() {
        // 73.52 MZN per EUR typed where the bank's EUR per MZN is asked.
        assertThatThrownBy(() -> Tranche.of(eur(50_000_00), eur(24_483_00), null, null, mzn(1_800_000_00, "73.52")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("exchangeRate");
                    assertThat(e.errors().get(0).message()).contains("EUR per MZN", "about 0.0136");
                });
        // Within 1 %: the bank's rounding and margin.
        assertThat(Tranche.of(eur(50_000_00), eur(24_483_00), null, null, mzn(1_800_000_00, "0.0137")).debited())
                .isEqualTo(eur(24_483_00));
    }

    @Test
    void the_foreign_amount_is_in_another_currency_than_the_funds_and_the_debit_in_the_funds() {
        assertThatThrownBy(() -> Tranche.of(eur(50_000_00), eur(100_00), null, null,
                new Tranche.Foreign(eur(100_00), BigDecimal.ONE))).isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("foreignAmount.currency"));
        assertThatThrownBy(() -> Tranche.of(eur(50_000_00), Money.of(100_00, "USD"), null, null, null))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("amount.currency"));
    }

    /** Each entry, applied alone, moves bank by exactly what it moves available and commitments. */
    private static void everyEntryKeepsBankEqualToAvailablePlusCommitted(List<Tranche.Entry> entries) {
        for (Tranche.Entry entry : entries) {
            new Posting(entry.kind(), "memo", java.time.LocalDate.of(2020, 11, 12), entry.lines());
            long bank = 0;
            long availablePlusCommitted = 0;
            for (Posting.Line line : entry.lines()) {
                long signed = line.side() == Side.DEBIT ? line.amount().amountMinor() : -line.amount().amountMinor();
                if (line.account() == Account.BANK) {
                    bank += signed;
                } else {
                    availablePlusCommitted -= signed;
                }
            }
            assertThat(bank).as(entry.kind() + " keeps bank = available + committed").isEqualTo(availablePlusCommitted);
        }
    }
}
