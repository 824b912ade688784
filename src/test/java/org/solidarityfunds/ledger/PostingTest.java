package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.money.Money;

/** An entry refuses to exist unless it could be written as it is: the rules of Posting, without the application. */
class PostingTest {

    private static final LocalDate DAY = LocalDate.of(2020, 8, 20);

    private static Posting received(String memo, List<Posting.Line> lines) {
        return new Posting(EntryKind.CONTRIBUTION_RECEIVED, memo, DAY, lines);
    }

    /** n debit lines on the bank and one credit on available for their sum. */
    private static List<Posting.Line> balanced(int debits, long eachMinor) {
        List<Posting.Line> lines = new ArrayList<>();
        for (int i = 0; i < debits; i++) {
            lines.add(Posting.Line.debit(Account.BANK, Money.of(eachMinor, "EUR")));
        }
        lines.add(Posting.Line.credit(Account.AVAILABLE, Money.of(Math.multiplyExact(eachMinor, debits), "EUR")));
        return lines;
    }

    @Test
    void a_balanced_entry_of_two_to_a_hundred_lines_in_one_currency_exists() {
        assertThat(received("Virement de la Ville de Lyon", balanced(1, 150_000)).lines()).hasSize(2);
        assertThat(received("Virements groupés", balanced(99, 1)).lines()).hasSize(Posting.LINES_MAX);
        assertThat(received("x", balanced(1, 1)).currency().getCurrencyCode()).isEqualTo("EUR");
    }

    @Test
    void an_entry_of_more_than_a_hundred_lines_is_refused() {
        assertThatThrownBy(() -> received("trop de lignes", balanced(100, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 to 100 lines, not 101");
    }

    @Test
    void an_entry_says_why_in_a_memo_of_at_most_500_characters() {
        assertThat(received("m".repeat(Posting.MEMO_LENGTH_MAX), balanced(1, 1)).memo()).hasSize(500);
        for (String bad : new String[] {null, "", "   ", "m".repeat(501)}) {
            assertThatThrownBy(() -> received(bad, balanced(1, 1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("memo");
        }
    }

    @Test
    void debits_and_credits_that_would_overflow_are_an_error_not_a_wrap_around() {
        List<Posting.Line> lines = List.of(Posting.Line.debit(Account.BANK, Money.of(Long.MAX_VALUE, "EUR")),
                Posting.Line.debit(Account.BANK, Money.of(Long.MAX_VALUE, "EUR")),
                Posting.Line.credit(Account.AVAILABLE, Money.of(Long.MAX_VALUE, "EUR")),
                Posting.Line.credit(Account.AVAILABLE, Money.of(Long.MAX_VALUE, "EUR")));
        assertThatThrownBy(() -> received("overflow", lines)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void an_entry_keeps_its_own_copy_of_its_lines() {
        List<Posting.Line> lines = new ArrayList<>(balanced(1, 10));
        Posting posting = received("copie", lines);
        lines.add(Posting.Line.debit(Account.BANK, Money.of(5, "EUR")));
        assertThat(posting.lines()).hasSize(2);
        assertThatThrownBy(() -> posting.lines().add(lines.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_rate_has_at_most_twelve_digits_on_each_side_of_the_point_once_its_trailing_zeros_are_gone() {
        Money dollars = Money.of(163_500, "USD");
        assertThat(new Posting.OriginalAmount(dollars, new BigDecimal("0.917431192660")).exchangeRate())
                .isEqualTo(new BigDecimal("0.91743119266"));
        assertThat(new Posting.OriginalAmount(dollars, new BigDecimal("999999999999.999999999999")).exchangeRate())
                .isEqualByComparingTo("999999999999.999999999999");
        assertThat(new Posting.OriginalAmount(dollars, new BigDecimal("1E+3")).exchangeRate()).isEqualByComparingTo("1000");
        for (String bad : new String[] {"0.0000000000001", "1000000000000", "0", "-1"}) {
            assertThatThrownBy(() -> new Posting.OriginalAmount(dollars, new BigDecimal(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new Posting.OriginalAmount(Money.of(0, "USD"), BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
