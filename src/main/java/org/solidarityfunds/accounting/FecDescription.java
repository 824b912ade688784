package org.solidarityfunds.accounting;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.solidarityfunds.fiscalyear.YearEndBookkeeping;

/**
 * The written description that comes with a FEC (LPF art. A47 A-1, II and XI): the name, nature
 * and meaning of each zone, the codes used, the technical information. In French, for whoever
 * the file is handed to; docs/concepts/accounting.md says the same for the developers.
 */
final class FecDescription {

    private FecDescription() {
    }

    static String of(String yearCode, YearEndBookkeeping.ClosingYear year, ClosedYears.Closing closing,
            List<String> fundsNotInTheFile) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        return """
                Description du fichier des écritures comptables (FEC), article A47 A-1 du livre des procédures fiscales

                Fichier : %s
                Exercice : %s, du %s au %s
                Empreinte SHA-256 du fichier : %s
                Taille : %d octets, %d enregistrements dont la ligne d'en-tête
                Plan de comptes : %s

                Informations techniques
                - Jeu de caractères : ISO 8859-15 (Latin-9). Les caractères qu'il ne contient pas sont remplacés :
                  guillemets, apostrophes, tirets et espaces typographiques par leur forme simple ; une lettre
                  accentuée absente par la lettre sans son accent ; tout autre caractère par « ? ».
                - Structure : fichier à plat, enregistrements de longueur variable.
                - Séparateur de zones : %s. Aucune zone ne contient de tabulation, de « | » ni de fin de ligne.
                - Séparateur d'enregistrements : retour chariot et fin de ligne (CR LF), après chaque enregistrement.
                - Première ligne : les noms des 18 zones, séparés de même.
                - Dates au format AAAAMMJJ ; montants en euros (Debit, Credit) avec une virgule décimale, deux
                  décimales, sans séparateur de milliers ni signe (le sens est donné par les zones Debit et Credit).

                Zones (dans cet ordre)
                1. JournalCode : code du journal (voir les codes ci-dessous).
                2. JournalLib : libellé du journal.
                3. EcritureNum : numéro de l'écriture, 1, 2, 3... sans rupture sur l'exercice, attribué à la clôture :
                   les à-nouveaux d'abord, puis les écritures dans l'ordre de leur validation, puis les fonds dédiés.
                4. EcritureDate : date comptable de l'écriture (date de l'événement : réception des fonds, paiement,
                   délibération, décision du comité).
                5. CompteNum : numéro de compte du plan comptable des associations (règlement ANC n° 2018-06).
                6. CompteLib : libellé du compte.
                7. CompAuxNum : compte auxiliaire du donateur (D suivi de six chiffres), sur les comptes de tiers
                   (classe 4) ; vide sinon.
                8. CompAuxLib : nom du donateur, avec le compte auxiliaire ; vide sinon.
                9. PieceRef : référence de la pièce : référence bancaire de la réception, référence du virement payé,
                   référence du procès-verbal de la décision, référence de la délibération de l'engagement ; à défaut,
                   le code du fonds et le numéro de l'écriture dans son journal. Pour les à-nouveaux et les fonds
                   dédiés : le code du fonds, OPENING ou DEDICATED_FUNDS, et la date de l'écriture.
                10. PieceDate : date de la pièce (la date comptable de l'écriture).
                11. EcritureLib : code du fonds (axe analytique) suivi du libellé de l'écriture ; « Report à nouveau »
                    ou « Fonds dédiés de l'exercice » suivi du code du fonds pour les écritures de clôture.
                12. Debit : montant au débit, 0,00 sinon.
                13. Credit : montant au crédit, 0,00 sinon.
                14. EcritureLet : non utilisé (vide).
                15. DateLet : non utilisé (vide).
                16. ValidDate : date de validation : le jour où l'écriture a été enregistrée dans le journal, qui ne
                    peut plus la modifier (journal en ajout seul, chaîné par empreintes) ; pour les à-nouveaux et les
                    fonds dédiés, le jour de la clôture qui les a écrits.
                17. Montantdevise : montant dans la devise d'origine, pour une somme reçue ou versée dans une autre
                    devise (sur la ligne de banque du versement, quand elle porte tout le débit), avec les décimales
                    de cette devise ; vide sinon.
                18. Idevise : code ISO 4217 de cette devise ; vide sinon.

                Codes des journaux
                - AN : À-nouveaux (reprise des soldes de l'exercice précédent, un par fonds, datés du premier jour).
                - BQ : Banque (sommes reçues, versements, frais bancaires et pertes de change des versements, et
                  leurs contre-passations).
                - OD : Opérations diverses (engagements et promesses, décisions de subvention et leurs
                  libérations, gains de change des versements, et les fonds dédiés de fin d'exercice, un par fonds,
                  datés du dernier jour).

                Fonds tenus dans une autre devise que l'euro, absents de ce fichier et de sa numérotation : %s
                """.formatted(closing.fecFileName(), yearCode, day.format(year.firstDay()), day.format(year.lastDay()),
                closing.fecSha256(), closing.fecBytes(), closing.fecLines(), closing.chart().name(),
                closing.fecSeparator().described,
                fundsNotInTheFile.isEmpty() ? "aucun." : String.join(", ", fundsNotInTheFile) + ".");
    }
}
