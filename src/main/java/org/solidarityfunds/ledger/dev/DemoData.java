package org.solidarityfunds.ledger.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.solidarityfunds.ledger.donor.CreateDonor;
import org.solidarityfunds.ledger.donor.DonorKind;
import org.solidarityfunds.ledger.donor.DonorService;
import org.solidarityfunds.ledger.fund.CreateFund;
import org.solidarityfunds.ledger.fund.FundService;

/**
 * Dev mode only: the six solidarity funds of the 2020 activity report and a few donors
 * it names, loaded once through the services (so that each fund gets its ledger). This
 * bean does not exist in a production or test build.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String RECORDED_BY = "demo-data";

    private final FundService funds;
    private final DonorService donors;

    DemoData(FundService funds, DonorService donors) {
        this.funds = funds;
        this.donors = donors;
    }

    void load(@Observes StartupEvent started) {
        if (funds.exists("LIBAN-2020")) {
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
        donor(DonorKind.DEPARTEMENT, "Département de Meurthe-et-Moselle", null);
        donor(DonorKind.INSTITUTION, "Agence française de développement", null);
        donor(DonorKind.INSTITUTION, "Cités et Gouvernements Locaux Unis", null);
        donor(DonorKind.ASSOCIATION, "Cités Unies France", null);
        donor(DonorKind.PERSON, "Donatrice de démonstration", "donatrice@example.org");
        LOG.info("Loaded the demo funds and donors of the 2020 activity report");
    }

    private void fund(String code, String name, String description) {
        funds.create(new CreateFund(code, name, description, "EUR"), RECORDED_BY);
    }

    private void donor(DonorKind kind, String name, String email) {
        donors.create(new CreateDonor(kind, name, null, email), RECORDED_BY);
    }
}
