package org.solidarityfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.solidarityfunds.support.Api.api;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.money.Money;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestLedger;

/** What the ledger accepts from the services that will post to it. */
@QuarkusTest
class PostingRulesTest {

    /** An effective date: none of the rules below depends on it. */
    private static final LocalDate DAY = LocalDate.of(2020, 8, 20);

    private final TestLedger ledger;
    private final LedgerService service;
    private final EntityManager em;

    PostingRulesTest(TestLedger ledger, LedgerService service, EntityManager em) {
        this.ledger = ledger;
        this.service = service;
        this.em = em;
    }

    @Test
    void an_entry_only_has_the_lines_its_kind_of_event_writes() {
        Money amount = Money.of(100, "EUR");
        assertThatThrownBy(() -> new Posting(EntryKind.PLEDGE_RECORDED, "a pledge that moves cash", DAY,
                List.of(Posting.Line.debit(Account.BANK, amount), Posting.Line.credit(Account.AVAILABLE, amount))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PLEDGE_RECORDED has no DEBIT line on BANK");
        assertThatThrownBy(() -> new Posting(EntryKind.DISBURSEMENT_PAID, "paid from pledges", DAY,
                List.of(Posting.Line.debit(Account.PLEDGES_RECEIVABLE, amount), Posting.Line.credit(Account.BANK, amount))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_reversal_is_only_written_by_reversing_an_entry() {
        long fundId = ledger.fundIdOf(TestFunds.open("NOREV"));
        Money amount = Money.of(100, "EUR");
        Posting loose = new Posting(EntryKind.REVERSAL, "a reversal of nothing", DAY,
                List.of(Posting.Line.debit(Account.AVAILABLE, amount), Posting.Line.credit(Account.BANK, amount)));
        Map<String, Long> before = TestDatabase.snapshot();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> service.post(service.lock(fundId), loose, "test", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
    }

    /**
     * The change feed orders a fund's events by the id of the transaction that wrote them, which
     * the fund's lock must give it (ADR 0006): a posting whose transaction wrote anything before
     * the lock would be ordered by an earlier write, so it is refused, and so is a second lock.
     */
    @Test
    void a_posting_whose_transaction_wrote_before_locking_its_fund_is_refused() {
        long fundId = ledger.fundIdOf(TestFunds.open("LOCKFIRST"));
        Money amount = Money.of(100, "EUR");
        Posting received = new Posting(EntryKind.CONTRIBUTION_RECEIVED, "received", LocalDate.of(2020, 8, 20),
                List.of(Posting.Line.debit(Account.BANK, amount), Posting.Line.credit(Account.AVAILABLE, amount)));
        Map<String, Long> before = TestDatabase.snapshot();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO donor (id, kind, name, created_at, created_by) "
                    + "VALUES (gen_random_uuid(), 'PERSON', 'written first', now(), 'test')")
                    .executeUpdate();
            service.post(service.lock(fundId), received, "test", null);
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("first write");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            service.lock(fundId);
            service.post(service.lock(fundId), received, "test", null);
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("taken once");
        assertThat(TestDatabase.snapshot()).isEqualTo(before);

        // The same posting, its fund locked first, is written.
        QuarkusTransaction.requiringNew().run(() -> service.post(service.lock(fundId), received, "test", null));
        assertThat(TestDatabase.snapshot()).isNotEqualTo(before);
    }

    @Test
    void a_fund_closed_to_pledges_refuses_new_pledges_but_still_receives_money() {
        String fund = TestFunds.open("NOPLEDGE");
        ledger.pledge(fund, 500_00);
        json(Map.of("status", "CLOSED_TO_PLEDGES", "reason", "Appel à dons clos")).post("/api/v1/funds/{code}/status", fund)
                .then().statusCode(200);
        Map<String, Long> before = TestDatabase.snapshot();
        assertThatThrownBy(() -> ledger.pledge(fund, 100_00)).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).type()).isEqualTo(ProblemType.FUND_CLOSED_TO_PLEDGES);
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
        ledger.allocatedContribution(fund, 500_00);
        api().get("/api/v1/funds/{code}/balance", fund).then()
                .body("received.amountMinor", org.hamcrest.Matchers.equalTo(500_00))
                .body("outstandingPledges.amountMinor", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void money_received_in_another_currency_keeps_its_original_amount_and_rate_through_the_chain() {
        String fund = TestFunds.open("USDIN");
        Money euros = Money.of(150_000, "EUR");
        Posting.OriginalAmount dollars = new Posting.OriginalAmount(Money.of(163_500, "USD"),
                new BigDecimal("0.917431192660"));
        EntryView entry = ledger.post(fund, EntryKind.CONTRIBUTION_RECEIVED, List.of(
                new Posting.Line(Account.BANK, Side.DEBIT, euros, dollars),
                new Posting.Line(Account.AVAILABLE, Side.CREDIT, euros, dollars)));
        api().get("/api/v1/entries/{id}", entry.id()).then().statusCode(200)
                .body("lines[0].originalAmount.amountMinor", org.hamcrest.Matchers.equalTo(163_500))
                .body("lines[0].originalAmount.currency", org.hamcrest.Matchers.equalTo("USD"))
                .body("lines[0].exchangeRate", org.hamcrest.Matchers.equalTo(0.91743119266f));
        assertThat(api().get("/api/v1/ledger/verification").then().extract().path("status").toString())
                .isEqualTo("INTACT");
    }

    @Test
    void a_rate_the_journal_could_not_store_exactly_is_refused() {
        Money dollars = Money.of(100, "USD");
        assertThatThrownBy(() -> new Posting.OriginalAmount(dollars, new BigDecimal("0.9132000000004")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Posting.OriginalAmount(dollars, new BigDecimal("1234567890123")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Posting.OriginalAmount(dollars, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Posting.OriginalAmount(dollars, new BigDecimal("0.913200000000000")).exchangeRate())
                .isEqualTo(new BigDecimal("0.9132"));
    }
}
