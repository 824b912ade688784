package org.solidarityfunds.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.donor.DonorKind;
import org.solidarityfunds.ledger.Account;
import org.solidarityfunds.ledger.EntryKind;

class ChartTest {

    private static Chart shipped() throws IOException {
        try (InputStream in = ChartTest.class.getClassLoader().getResourceAsStream(Charts.SHIPPED)) {
            return Charts.read(in);
        }
    }

    @Test
    void the_shipped_chart_reads_each_line_of_the_ledger_in_the_association_chart() throws IOException {
        Chart chart = shipped();
        assertThat(chart.accountOf(Account.BANK, EntryKind.CONTRIBUTION_RECEIVED, DonorKind.COMMUNE)).isEqualTo("512");
        assertThat(chart.accountOf(Account.AVAILABLE, EntryKind.CONTRIBUTION_RECEIVED, DonorKind.COMMUNE))
                .isEqualTo("740");
        assertThat(chart.accountOf(Account.AVAILABLE, EntryKind.CONTRIBUTION_RECEIVED, DonorKind.ASSOCIATION))
                .isEqualTo("7551");
        assertThat(chart.accountOf(Account.AVAILABLE, EntryKind.CONTRIBUTION_RECEIVED, DonorKind.PERSON))
                .isEqualTo("7541");
        assertThat(chart.accountOf(Account.PLEDGES_RECEIVABLE, EntryKind.PLEDGE_RECORDED, DonorKind.REGION))
                .isEqualTo("441");
        assertThat(chart.accountOf(Account.PLEDGES_RECEIVABLE, EntryKind.PLEDGE_RECORDED, DonorKind.ASSOCIATION))
                .isEqualTo("4687");
        assertThat(chart.accountOf(Account.PLEDGES_TO_RECEIVE, EntryKind.PLEDGE_RECORDED, DonorKind.EPCI))
                .isEqualTo("740");
        assertThat(chart.accountOf(Account.AVAILABLE, EntryKind.DISBURSEMENT_COMMITTED, null)).isEqualTo("6571");
        assertThat(chart.accountOf(Account.AVAILABLE, EntryKind.COMMITMENT_RELEASED, null)).isEqualTo("6571");
        assertThat(chart.accountOf(Account.COMMITMENTS, EntryKind.DISBURSEMENT_PAID, null)).isEqualTo("4672");
        assertThat(chart.accountOf(Account.AVAILABLE, EntryKind.BANK_CHARGES, null)).isEqualTo("627");
        assertThat(chart.accountOf(Account.AVAILABLE, EntryKind.EXCHANGE_LOSS, null)).isEqualTo("666");
        assertThat(chart.accountOf(Account.AVAILABLE, EntryKind.EXCHANGE_GAIN, null)).isEqualTo("766");
        assertThat(chart.accountOf(Account.COMMITMENTS, EntryKind.EXCHANGE_GAIN, null)).isEqualTo("4672");
        assertThat(chart.accountOf(Account.BANK, EntryKind.BANK_CHARGES, null)).isEqualTo("512");
        assertThat(chart.familyOf(DonorKind.PERSON).dedicatedFunds()).isEqualTo("196");
        assertThat(chart.labelOf("194")).isEqualTo("Fonds dédiés sur subventions d'exploitation");
    }

    @Test
    void money_whose_donor_the_ledger_does_not_name_goes_where_the_chart_says() throws IOException {
        Chart chart = shipped();
        assertThat(chart.accountOf(Account.AVAILABLE, EntryKind.CONTRIBUTION_RECEIVED, null)).isEqualTo("740");
        assertThat(chart.accountOf(Account.PLEDGES_RECEIVABLE, EntryKind.PLEDGE_RECORDED, null)).isEqualTo("441");
    }

    @Test
    void an_incomplete_chart_is_refused() throws IOException {
        Chart chart = shipped();
        Map<String, String> unlabelled = new HashMap<>(chart.accounts());
        unlabelled.remove("512");
        assertThatThrownBy(() -> with(chart, unlabelled, chart.resources())).hasMessageContaining("512");
        Map<String, String> shortNumber = new HashMap<>(chart.accounts());
        shortNumber.put("74", "Subventions");
        assertThatThrownBy(() -> with(chart, shortNumber, chart.resources())).hasMessageContaining("three digits");
        assertThatThrownBy(() -> new Chart(chart.name(), chart.accounts(), "740", chart.grantsAwarded(),
                chart.grantsToPay(), chart.bankCharges(), chart.exchangeLosses(), chart.exchangeGains(),
                chart.resultCarriedForwardCredit(), chart.resultCarriedForwardDebit(), chart.unattributedResources(),
                chart.resources())).hasMessageContaining("bank is account 740");
        assertThatThrownBy(() -> new Chart(chart.name(), chart.accounts(), chart.bank(), chart.grantsAwarded(),
                chart.grantsToPay(), chart.bankCharges(), chart.exchangeGains(), chart.exchangeLosses(),
                chart.resultCarriedForwardCredit(), chart.resultCarriedForwardDebit(), chart.unattributedResources(),
                chart.resources())).hasMessageContaining("exchangeLosses is account 766");
        assertThatThrownBy(() -> new Chart(chart.name(), chart.accounts(), chart.bank(), chart.grantsAwarded(),
                chart.grantsToPay(), null, chart.exchangeLosses(), chart.exchangeGains(),
                chart.resultCarriedForwardCredit(), chart.resultCarriedForwardDebit(), chart.unattributedResources(),
                chart.resources())).hasMessageContaining("not given");
        assertThatThrownBy(() -> new Chart(chart.name(), chart.accounts(), chart.bank(), chart.grantsAwarded(),
                chart.grantsToPay(), chart.bankCharges(), chart.exchangeLosses(), "740",
                chart.resultCarriedForwardCredit(), chart.resultCarriedForwardDebit(), chart.unattributedResources(),
                chart.resources())).hasMessageContaining("a gain needs an account of its own");
        Chart.ResourceFamily subsidies = chart.resources().get(0);
        assertThatThrownBy(() -> with(chart, chart.accounts(), List.of(new Chart.ResourceFamily(subsidies.family(),
                subsidies.donorKinds(), subsidies.receivable(), "441", subsidies.dedicatedFunds(),
                subsidies.carriedToDedicatedFunds(), subsidies.usedFromDedicatedFunds()), chart.resources().get(1),
                chart.resources().get(2)))).hasMessageContaining("resource is account 441");
        List<Chart.ResourceFamily> withoutPersons = chart.resources().subList(0, 2);
        assertThatThrownBy(() -> with(chart, chart.accounts(), withoutPersons)).hasMessageContaining("PERSON");
        Chart.ResourceFamily twice = chart.resources().get(0);
        assertThatThrownBy(() -> with(chart, chart.accounts(), List.of(twice, new Chart.ResourceFamily("OTHER",
                List.of(DonorKind.COMMUNE), "441", "740", "194", "6894", "7894")))).hasMessageContaining("COMMUNE");
    }

    private static Chart with(Chart chart, Map<String, String> accounts, List<Chart.ResourceFamily> resources) {
        return new Chart(chart.name(), accounts, chart.bank(), chart.grantsAwarded(), chart.grantsToPay(),
                chart.bankCharges(), chart.exchangeLosses(), chart.exchangeGains(), chart.resultCarriedForwardCredit(), chart.resultCarriedForwardDebit(), chart.unattributedResources(),
                resources);
    }

    @Test
    void a_chart_kept_by_a_closing_before_payments_in_tranches_gets_the_shipped_accounts_for_them() throws IOException {
        Chart chart = shipped();
        com.fasterxml.jackson.databind.node.ObjectNode old = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(Charts.write(chart));
        old.remove(List.of("bankCharges", "exchangeLosses", "exchangeGains"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) old.get("accounts")).remove(List.of("627", "666", "766"));
        Chart kept = Charts.read(old.toString());
        assertThat(kept.accountOf(Account.AVAILABLE, EntryKind.BANK_CHARGES, null)).isEqualTo("627");
        assertThat(kept.labelOf("766")).isEqualTo("Gains de change");
        assertThat(Charts.read(Charts.write(chart))).isEqualTo(chart);
    }
}
