package org.solidarityfunds.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.committee.CommitteeService;
import org.solidarityfunds.committee.MajorityRule;
import org.solidarityfunds.committee.SetCommittee;
import org.solidarityfunds.contribution.ContributionService;
import org.solidarityfunds.contribution.RecordContribution;
import org.solidarityfunds.disbursement.CastVote;
import org.solidarityfunds.disbursement.DisbursementService;
import org.solidarityfunds.disbursement.PayDisbursement;
import org.solidarityfunds.disbursement.RequestDisbursement;
import org.solidarityfunds.disbursement.VoteChoice;
import org.solidarityfunds.donor.CreateDonor;
import org.solidarityfunds.donor.DonorKind;
import org.solidarityfunds.donor.DonorService;
import org.solidarityfunds.fund.CreateFund;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.idempotency.Idempotency;
import org.solidarityfunds.money.MoneyInput;
import org.solidarityfunds.pledge.PledgeService;
import org.solidarityfunds.pledge.PledgeView;
import org.solidarityfunds.pledge.RecordPledge;

/**
 * The demo data of dev mode: the six solidarity funds of the 2020 activity report and a few
 * donors it names, the Lebanon worked example (pledges and contributions, one in dollars) and
 * the Dondo one (a committee, its votes, a commitment and a payment), loaded once through the
 * services so that every record has its entries. Dev mode loads it at start
 * ({@code ledger.demo-data.load}, true in the dev profile); the tests that run the
 * documentation's examples on it turn it on too (DocsExamplesTest). This bean does not exist
 * in a production build.
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String RECORDED_BY = "demo-data";
    private static final String FINANCE = "finance-1";
    private static final FundScope ALL = FundScope.all();

    private final FundService funds;
    private final DonorService donors;
    private final PledgeService pledges;
    private final ContributionService contributions;
    private final CommitteeService committees;
    private final DisbursementService disbursements;
    private final boolean enabled;

    DemoData(FundService funds, DonorService donors, PledgeService pledges, ContributionService contributions,
            CommitteeService committees, DisbursementService disbursements,
            @ConfigProperty(name = "ledger.demo-data.load") boolean enabled) {
        this.funds = funds;
        this.donors = donors;
        this.pledges = pledges;
        this.contributions = contributions;
        this.committees = committees;
        this.disbursements = disbursements;
        this.enabled = enabled;
    }

    /**
     * Each step in its own transaction, through the services' command boundaries as a client's
     * request would go (a posting's fund lock must be its transaction's first write).
     */
    void load(@Observes StartupEvent started) {
        if (!enabled || funds.exists("LIBAN-2020")) {
            return;
        }
        fund("LIBAN-2020", "Fonds de solidarité Liban",
                "Ouvert en août 2020 après l'explosion du port de Beyrouth : matériel sanitaire, continuité des "
                        + "travaux, écoles, formations à la gestion des risques et à la préservation du patrimoine.");
        fund("MOZAMBIQUE-DONDO", "Fonds de solidarité Mozambique",
                "Réhabilitation de la municipalité de Dondo : construction de maisons, renforcement des "
                        + "compétences de la collectivité (gestion et anticipation des risques).");
        fund("BANGUI", "Fonds de solidarité Bangui",
                "Achat et distribution de matériel pour les personnes déplacées dont la situation reste précaire.");
        fund("COVID-AFRIQUE-2020", "Fonds de solidarité Covid Afrique (Ghana/Mali)",
                "Ouvert le 16 avril 2020 : aide matérielle sanitaire, soutien au développement économique local, "
                        + "réhabilitation post-crise.");
        fund("EQUATEUR-EAU", "Fonds de solidarité Equateur",
                "Accès à l'eau potable, avec l'AFD, le Département de Meurthe-et-Moselle et 40 collectivités.");
        fund("INDONESIE", "Fonds de solidarité Indonésie",
                "Aire de jeux, espace culture-jeunesse-sport et espace de réunion communautaire, après une étude "
                        + "des risques auprès des communautés touchées.");
        UUID departement = donor(DonorKind.DEPARTEMENT, "Département de Meurthe-et-Moselle", null);
        donor(DonorKind.INSTITUTION, "Agence française de développement", null);
        UUID cglu = donor(DonorKind.INSTITUTION, "Cités et Gouvernements Locaux Unis", null);
        UUID cuf = donor(DonorKind.ASSOCIATION, "Cités Unies France", null);
        donor(DonorKind.PERSON, "Donatrice de démonstration", "donatrice@example.org");
        lebanonExample(departement, cglu, cuf);
        dondoExample(departement);
        LOG.info("Loaded the demo funds and donors of the 2020 activity report, and the Lebanon and Dondo examples");
    }

    /** The worked example of docs/concepts/pledges-and-contributions.md, with illustrative amounts. */
    private void lebanonExample(UUID departement, UUID cglu, UUID cuf) {
        PledgeView first = pledge(new RecordPledge(departement, euros(2_000_000), LocalDate.of(2020, 9, 15),
                "DEL-2020-112", List.of(new RecordPledge.Instalment(1_000_000L, LocalDate.of(2020, 10, 31)),
                        new RecordPledge.Instalment(1_000_000L, LocalDate.of(2021, 3, 31)))));
        PledgeView second = pledge(new RecordPledge(cglu, euros(1_500_000), LocalDate.of(2020, 9, 15), null, null));
        pledge(new RecordPledge(cuf, euros(500_000), LocalDate.of(2020, 9, 15), null, null));
        contribution("LIBAN-2020", new RecordContribution(departement, euros(1_000_000), null,
                LocalDate.of(2020, 10, 20), "VIR-2020-10-20-0001", List.of(
                        new RecordContribution.AllocationInput(first.id(), null, 1_000_000L))));
        contribution("LIBAN-2020", new RecordContribution(cglu, new MoneyInput(1_635_000L, "USD"),
                new BigDecimal("0.917431192660"), LocalDate.of(2020, 11, 5), "SWIFT-2020-1105-7", List.of(
                        new RecordContribution.AllocationInput(second.id(), null, 1_500_000L))));
    }

    /**
     * The worked example of docs/concepts/committees-and-disbursements.md, without its refused
     * vote: the second request stays open with two votes FOR. Committee members' tokens come
     * from POST /dev/tokens with the subjects lyon, nantes, rennes and grenoble.
     */
    private void dondoExample(UUID departement) {
        String fund = "MOZAMBIQUE-DONDO";
        contribution(fund, new RecordContribution(departement, euros(3_000_000), null,
                LocalDate.of(2020, 9, 30), "VIR-2020-09-30-0003", null));
        LocalDate seated = LocalDate.of(2020, 8, 10);
        committees.set(fund, new SetCommittee(List.of(
                new SetCommittee.MemberInput("lyon", "Ville de Lyon", seated, null),
                new SetCommittee.MemberInput("nantes", "Ville de Nantes", seated, null),
                new SetCommittee.MemberInput("rennes", "Ville de Rennes", seated, null),
                new SetCommittee.MemberInput("grenoble", "Ville de Grenoble", seated, null)), 3, MajorityRule.SIMPLE,
                new SetCommittee.DelegateInput("lyon", euros(100_000)),
                "Délibération du comité des donateurs du 2020-08-10"), RECORDED_BY);
        RequestDisbursement.Beneficiary dondo = new RequestDisbursement.Beneficiary("Conseil municipal de Dondo", "MZ");
        UUID market = request(fund, new RequestDisbursement(dondo, "Réhabilitation du marché municipal",
                euros(2_500_000)));
        vote(market, "rennes", new CastVote(VoteChoice.RECUSED, "Ville jumelle du maître d'œuvre", null));
        vote(market, "lyon", new CastVote(VoteChoice.FOR, null, null));
        vote(market, "nantes", new CastVote(VoteChoice.AGAINST, "Phaser les travaux", null));
        vote(market, "grenoble", new CastVote(VoteChoice.FOR, null, "PV-COMITE-DONDO-2020-10-05"));
        PayDisbursement payment = new PayDisbursement("VIR-SORT-2020-11-12-0007", LocalDate.of(2020, 11, 12));
        disbursements.pay(command(FINANCE, "disbursements/" + market + "/payment", payment), market, payment, ALL);
        UUID houses = request(fund, new RequestDisbursement(dondo, "Construction de maisons", euros(800_000)));
        vote(houses, "lyon", new CastVote(VoteChoice.FOR, null, null));
        vote(houses, "nantes", new CastVote(VoteChoice.FOR, null, null));
        UUID kits = request(fund, new RequestDisbursement(dondo, "Kits scolaires", euros(60_000)));
        vote(kits, "lyon", new CastVote(VoteChoice.FOR, null, null));
    }

    private PledgeView pledge(RecordPledge pledge) {
        return pledges.record(command(RECORDED_BY, "funds/LIBAN-2020/pledges", pledge), "LIBAN-2020", pledge, ALL)
                .view().orElseThrow();
    }

    private void contribution(String fund, RecordContribution contribution) {
        contributions.record(command(RECORDED_BY, "funds/" + fund + "/contributions", contribution), fund,
                contribution, ALL);
    }

    private UUID request(String fund, RequestDisbursement request) {
        return disbursements.request(command(FINANCE, "funds/" + fund + "/disbursements", request), fund, request, ALL)
                .view().orElseThrow().id();
    }

    private void vote(UUID disbursement, String member, CastVote vote) {
        disbursements.vote(command(member, "disbursements/" + disbursement + "/votes", vote), disbursement, vote, ALL);
    }

    /** A command as the API would hand it over, under a key of its own: the demo is loaded once. */
    private static Idempotency.Request command(String subject, String path, Object body) {
        return Idempotency.Request.post(subject, "demo-data-" + UUID.randomUUID(), "/api/v1/" + path, body);
    }

    private static MoneyInput euros(long amountMinor) {
        return new MoneyInput(amountMinor, "EUR");
    }

    private void fund(String code, String name, String description) {
        funds.create(new CreateFund(code, name, description, "EUR"), RECORDED_BY);
    }

    private UUID donor(DonorKind kind, String name, String email) {
        return donors.create(new CreateDonor(kind, name, null, email), RECORDED_BY).id();
    }
}
