package org.solidarityfunds.bankstatement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.bankstatement.BankFile.Direction;
import org.solidarityfunds.bankstatement.Proposal.Confidence;
import org.solidarityfunds.pledge.AllocationProposal;

/** The reconciliation rule on its own: what a line is proposed to be, and how surely. */
class ProposalsTest {

    private static final Proposals.Donor LYON = Proposals.Donor.of(UUID.randomUUID(), "Ville de Lyon", "216901231");
    private static final Proposals.Donor NANTES = Proposals.Donor.of(UUID.randomUUID(), "Ville de Nantes", "214401093");
    private static final Proposals.Donor GRENOBLE = Proposals.Donor.of(UUID.randomUUID(), "Ville de Grenoble", null);
    private static final String LYON_IBAN = "FR7630006000011234567890189";
    private static final String TREASURY_IBAN = "FR7610071750000000200503235";

    private static final Proposals.OpenPledge LYON_PLEDGE = Proposals.OpenPledge.of(UUID.randomUUID(), LYON.id(),
            "LIBAN-2020", "DEL-2020-57", List.of(due(null, "2020-09-15", 1_000_000)));
    private static final Proposals.OpenPledge NANTES_PLEDGE = Proposals.OpenPledge.of(UUID.randomUUID(), NANTES.id(),
            "LIBAN-2020", "DEL-NANTES-2020-12", List.of(due((short) 1, "2020-09-30", 250_000),
                    due((short) 2, "2020-12-31", 250_000)));
    /** A tranche of 3,000.00 with 15.00 of charges. */
    private static final Proposals.Payment DONDO = new Proposals.Payment(UUID.randomUUID(), UUID.randomUUID(),
            "LIBAN-2020", 300_000, 1_500, "VIR-DONDO-2020-11", "Municipality of Dondo");

    private static final Proposals.Recorded BY_HAND = new Proposals.Recorded(UUID.randomUUID(), "LIBAN-2020",
            GRENOBLE.id(), 7_700, LocalDate.parse("2020-10-02"), "VIR-HAND-2020-42");

    private static final Proposals.Known KNOWN = new Proposals.Known(
            Map.of(LYON_IBAN, List.of(LYON.id()), TREASURY_IBAN, List.of(NANTES.id(), GRENOBLE.id())),
            Map.of(LYON.id(), LYON, NANTES.id(), NANTES, GRENOBLE.id(), GRENOBLE),
            List.of(LYON_PLEDGE, NANTES_PLEDGE), List.of(DONDO), List.of(BY_HAND), "LIBAN-2020");

    @Test
    void a_deliberation_reference_in_the_text_names_the_pledge_and_its_donor_whatever_the_account() {
        Proposal proposal = propose(credit(500_000, "UNKNOWN PAYER", null, "Aide Liban deliberation del 2020 57"));
        assertThat(proposal.pledgeId()).isEqualTo(LYON_PLEDGE.id());
        assertThat(proposal.donorId()).isEqualTo(LYON.id());
        assertThat(proposal.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(proposal.reason()).contains("DEL-2020-57").contains("Ville de Lyon");
    }

    @Test
    void the_longest_reference_wins_when_one_contains_another() {
        Proposals.OpenPledge shorter = Proposals.OpenPledge.of(UUID.randomUUID(), GRENOBLE.id(), "LIBAN-2020",
                "DEL-NANTES-2020-1", List.of(due(null, "2020-09-15", 100_000)));
        Proposals.Known known = new Proposals.Known(Map.of(), KNOWN.donors(), List.of(shorter, NANTES_PLEDGE),
                List.of(), List.of(), "LIBAN-2020");
        assertThat(Proposals.propose(credit(250_000, null, null, "DEL-NANTES-2020-12"), known).pledgeId())
                .isEqualTo(NANTES_PLEDGE.id());
    }

    @Test
    void an_account_that_is_one_donors_names_it_and_an_exact_instalment_is_proposed() {
        Proposal proposal = propose(credit(1_000_000, "MAIRIE", LYON_IBAN, "Virement"));
        assertThat(proposal.donorId()).isEqualTo(LYON.id());
        assertThat(proposal.pledgeId()).isEqualTo(LYON_PLEDGE.id());
        assertThat(proposal.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(proposal.reason()).contains(LYON_IBAN).contains("still expects");
    }

    @Test
    void an_account_shared_by_several_donors_names_none_and_the_siren_decides() {
        Proposal proposal = propose(credit(250_000, "DRFIP", TREASURY_IBAN, "Subvention SIRET 214 401 093 00018"));
        assertThat(proposal.donorId()).isEqualTo(NANTES.id());
        assertThat(proposal.pledgeId()).isEqualTo(NANTES_PLEDGE.id());
        assertThat(proposal.instalment()).isEqualTo((short) 1);
        assertThat(proposal.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(proposal.reason()).contains("SIREN 214401093");
    }

    @Test
    void a_name_alone_is_less_sure_and_an_amount_no_pledge_expects_goes_to_the_earliest_due() {
        Proposal byExactName = propose(credit(100_000, "VILLE DE NANTES", null, "Don"));
        assertThat(byExactName.donorId()).isEqualTo(NANTES.id());
        assertThat(byExactName.instalment()).isEqualTo((short) 1);
        assertThat(byExactName.confidence()).isEqualTo(Confidence.LOW);
        assertThat(byExactName.reason()).contains("earliest due");
        Proposal inTheText = propose(credit(100_000, "TRESOR PUBLIC", null, "Don de la ville de Grenoble"));
        assertThat(inTheText.donorId()).isEqualTo(GRENOBLE.id());
        assertThat(inTheText.pledgeId()).isNull();
        assertThat(inTheText.confidence()).isEqualTo(Confidence.LOW);
        assertThat(inTheText.fundCode()).isEqualTo("LIBAN-2020");
    }

    @Test
    void a_contribution_recorded_by_hand_is_the_line_by_its_reference_or_its_day() {
        Proposal byReference = propose(credit(7_700, "TRESOR", LYON_IBAN, "Ref VIR HAND 2020 42"));
        assertThat(byReference.contributionId()).isEqualTo(BY_HAND.contributionId());
        assertThat(byReference.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(byReference.donorId()).isEqualTo(GRENOBLE.id());
        Proposal byDay = propose(credit(7_700, "TRESOR", null, "Virement"));
        assertThat(byDay.contributionId()).isEqualTo(BY_HAND.contributionId());
        assertThat(byDay.confidence()).isEqualTo(Confidence.MEDIUM);
        BankFile.Line anotherDay = new BankFile.Line(1, LocalDate.parse("2020-10-09"), null, Direction.CREDIT, 7_700,
                false, "TRESOR", null, null, "Virement", null, null, null, null, null);
        assertThat(propose(anotherDay).contributionId()).isNull();
    }

    @Test
    void nobody_known_is_no_proposal() {
        Proposal proposal = propose(credit(5_000, "M DUPONT", "FR7630006000011234567890189X", "Don"));
        assertThat(proposal.confidence()).isEqualTo(Confidence.NONE);
        assertThat(proposal.donorId()).isNull();
    }

    @Test
    void a_debit_is_the_payment_of_its_amount_surely_when_its_reference_is_given() {
        Proposal byReference = propose(debit(300_000, "VIR DONDO 2020 11"));
        assertThat(byReference.payment()).isEqualTo(DONDO);
        assertThat(byReference.confidence()).isEqualTo(Confidence.HIGH);
        Proposal byAmount = propose(debit(300_000, "VIREMENT INTERNATIONAL"));
        assertThat(byAmount.confidence()).isEqualTo(Confidence.MEDIUM);
        Proposal withCharges = propose(debit(301_500, "VIREMENT INTERNATIONAL"));
        assertThat(withCharges.payment()).as("the transfer and its charges in one debit").isEqualTo(DONDO);
        assertThat(propose(debit(298_500, "VIREMENT INTERNATIONAL")).confidence()).isEqualTo(Confidence.NONE);
        assertThat(propose(debit(1_200, "FRAIS")).confidence()).isEqualTo(Confidence.NONE);
    }

    @Test
    void a_return_is_never_guessed() {
        BankFile.Line returned = new BankFile.Line(1, LocalDate.parse("2020-10-09"), null, Direction.DEBIT, 1_000_000,
                true, "MAIRIE", LYON_IBAN, null, "RETOUR DEL-2020-57", null, null, null, null, null);
        assertThat(propose(returned).confidence()).isEqualTo(Confidence.NONE);
    }

    private static Proposal propose(BankFile.Line line) {
        return Proposals.propose(line, KNOWN);
    }

    private static BankFile.Line credit(long amountMinor, String payer, String iban, String text) {
        return new BankFile.Line(1, LocalDate.parse("2020-10-02"), null, Direction.CREDIT, amountMinor, false, payer,
                iban, null, text, null, null, null, null, null);
    }

    private static BankFile.Line debit(long amountMinor, String text) {
        return new BankFile.Line(1, LocalDate.parse("2020-11-12"), null, Direction.DEBIT, amountMinor, false,
                "MUNICIPALITY OF DONDO", null, null, text, null, null, null, null, null);
    }

    private static AllocationProposal.Line due(Short instalment, String dueOn, long outstandingMinor) {
        return new AllocationProposal.Line(UUID.randomUUID(), instalment, LocalDate.parse(dueOn), null, outstandingMinor);
    }
}
