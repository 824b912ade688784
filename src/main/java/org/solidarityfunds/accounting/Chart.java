package org.solidarityfunds.accounting;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.solidarityfunds.donor.DonorKind;
import org.solidarityfunds.ledger.Account;
import org.solidarityfunds.ledger.EntryKind;

/**
 * The general chart the ledger's entries are read in by the accountant (docs/concepts/accounting.md):
 * the accounts of the association chart (ANC 2018-06) it uses, with their labels, and which one
 * each line of the ledger goes to. A fund's five accounts are the ledger's own; here bank is
 * bank, a pledge is a receivable against a resource chosen by the donor's kind, a commitment is a
 * grant awarded (a charge) and owed until paid. It refuses to exist incomplete: an account used
 * without a label, a donor kind in no family or in two, an account number the FEC would refuse.
 *
 * @param name what the chart is, as the docs and the reports name it
 * @param accounts every account used, by number, with its label (CompteLib)
 * @param bank the bank account (512)
 * @param grantsAwarded the charge of a grant a committee awarded (6571)
 * @param grantsToPay what is owed to beneficiaries until paid (4672)
 * @param bankCharges the charge of the bank's charges on a payment (627)
 * @param exchangeLosses the charge of a payment that cost more than the commitment it settled, in another currency (666)
 * @param exchangeGains the income of a payment that cost less than the commitment it settled (766)
 * @param resultCarriedForwardCredit where an earlier year's surplus stands until allocated (110)
 * @param resultCarriedForwardDebit where an earlier year's deficit stands (119)
 * @param unattributedResources the family of money whose donor the ledger does not name: the entries
 *     written before the change feed named the records they are about (V6), or behind the services
 * @param resources the families of resources, each with its donor kinds and accounts
 */
public record Chart(String name, Map<String, String> accounts, String bank, String grantsAwarded, String grantsToPay,
        String bankCharges, String exchangeLosses, String exchangeGains, String resultCarriedForwardCredit, String resultCarriedForwardDebit, String unattributedResources,
        List<ResourceFamily> resources) {

    /** The FEC's CompteNum: three digits first (LPF art. A47 A-1), then digits or capitals; at most 20 characters. */
    private static final Pattern NUMBER = Pattern.compile("[0-9]{3}[0-9A-Z]{0,17}");
    /** Limit: a label as the FEC and the trial balance carry it. */
    static final int LABEL_LENGTH_MAX = 200;

    public Chart {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a chart has a name");
        }
        Objects.requireNonNull(accounts, "accounts");
        accounts.forEach((number, label) -> {
            if (!NUMBER.matcher(number).matches()) {
                throw new IllegalArgumentException("account " + number + " does not start with three digits, or has "
                        + "other characters than digits and capitals");
            }
            if (label == null || label.isBlank() || label.length() > LABEL_LENGTH_MAX) {
                throw new IllegalArgumentException("account " + number + " needs a label of 1 to " + LABEL_LENGTH_MAX
                        + " characters");
            }
        });
        accounts = Map.copyOf(new TreeMap<>(accounts));
        resources = List.copyOf(resources);
        for (String used : java.util.Arrays.asList(bank, grantsAwarded, grantsToPay, bankCharges, exchangeLosses,
                exchangeGains, resultCarriedForwardCredit, resultCarriedForwardDebit)) {
            requireLabelled(accounts, used);
        }
        // The trial balance and the closing tell a year's charges and resources (classes 6 and 7)
        // from the balance sheet's accounts by the class: an account in the wrong one would carry
        // a year's result into the next, or drop a balance.
        requireClass("bank", bank, "12345");
        requireClass("grantsToPay", grantsToPay, "12345");
        requireClass("resultCarriedForwardCredit", resultCarriedForwardCredit, "12345");
        requireClass("resultCarriedForwardDebit", resultCarriedForwardDebit, "12345");
        requireClass("grantsAwarded", grantsAwarded, "6");
        requireClass("bankCharges", bankCharges, "6");
        requireClass("exchangeLosses", exchangeLosses, "6");
        requireClass("exchangeGains", exchangeGains, "7");
        Set<DonorKind> seen = new HashSet<>();
        Set<String> families = new HashSet<>();
        for (ResourceFamily family : resources) {
            if (!families.add(family.family())) {
                throw new IllegalArgumentException("resource family " + family.family() + " is listed twice");
            }
            for (DonorKind kind : family.donorKinds()) {
                if (!seen.add(kind)) {
                    throw new IllegalArgumentException("donor kind " + kind + " is in two resource families");
                }
            }
            for (String used : List.of(family.receivable(), family.resource(), family.dedicatedFunds(),
                    family.carriedToDedicatedFunds(), family.usedFromDedicatedFunds())) {
                requireLabelled(accounts, used);
            }
            requireClass(family.family() + ".receivable", family.receivable(), "12345");
            requireClass(family.family() + ".dedicatedFunds", family.dedicatedFunds(), "12345");
            requireClass(family.family() + ".resource", family.resource(), "7");
            requireClass(family.family() + ".carriedToDedicatedFunds", family.carriedToDedicatedFunds(), "6");
            requireClass(family.family() + ".usedFromDedicatedFunds", family.usedFromDedicatedFunds(), "7");
        }
        // A payment's exchange gain is the fund's income, not a donor's resource: in a resource account
        // the closing would count it as one.
        for (ResourceFamily family : resources) {
            if (family.resource().equals(exchangeGains)) {
                throw new IllegalArgumentException("exchangeGains is account " + exchangeGains + ", the resource of "
                        + family.family() + ": a gain needs an account of its own");
            }
        }
        if (resources.stream().noneMatch(family -> family.family().equals(unattributedResources))) {
            throw new IllegalArgumentException("the unattributed resources go to family " + unattributedResources
                    + ", which the chart does not have");
        }
        List<DonorKind> missing = Arrays.stream(DonorKind.values()).filter(kind -> !seen.contains(kind)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("donor kinds in no resource family: " + missing);
        }
    }

    /** One family of resources (the chart's 74, 7551, 754...), the donors whose money it is, and its accounts. */
    public record ResourceFamily(String family, List<DonorKind> donorKinds, String receivable, String resource,
            String dedicatedFunds, String carriedToDedicatedFunds, String usedFromDedicatedFunds) {

        public ResourceFamily {
            if (family == null || !family.matches("[A-Z][A-Z_]{0,39}")) {
                throw new IllegalArgumentException("a resource family is named in capitals: " + family);
            }
            donorKinds = List.copyOf(donorKinds);
            if (donorKinds.isEmpty()) {
                throw new IllegalArgumentException("resource family " + family + " has no donor kind");
            }
        }
    }

    /** The family of a donor's money. */
    public ResourceFamily familyOf(DonorKind kind) {
        return resources.stream().filter(family -> family.donorKinds().contains(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no resource family for " + kind));
    }

    /**
     * The account a line of the ledger goes to: by the fund's account it is on, the kind of
     * event it records (a reversal's, that of the entry it reverses), and for the money of
     * donors, the donor's kind. Available money is a resource when it comes in, a grant when a
     * committee commits it, and a charge (or an income) when a payment's bank charges or exchange
     * difference take from it (or give back to it).
     */
    public String accountOf(Account account, EntryKind event, DonorKind donorKind) {
        return switch (account) {
            case BANK -> bank;
            case COMMITMENTS -> grantsToPay;
            case PLEDGES_RECEIVABLE -> moneyOf(donorKind).receivable();
            case PLEDGES_TO_RECEIVE -> moneyOf(donorKind).resource();
            case AVAILABLE -> switch (event) {
                case DISBURSEMENT_COMMITTED, COMMITMENT_RELEASED -> grantsAwarded;
                case BANK_CHARGES -> bankCharges;
                case EXCHANGE_LOSS -> exchangeLosses;
                case EXCHANGE_GAIN -> exchangeGains;
                default -> moneyOf(donorKind).resource();
            };
        };
    }

    /** The family of the money of a donor of that kind, or of an unnamed donor (null). */
    public ResourceFamily moneyOf(DonorKind donorKind) {
        return donorKind == null ? resources.stream().filter(family -> family.family().equals(unattributedResources))
                .findFirst().orElseThrow() : familyOf(donorKind);
    }

    /**
     * Whether a line on this account is kept per donor, under the donor's auxiliary account (the
     * FEC's CompAuxNum): the third parties' accounts, class 4, as the receivables on pledges.
     */
    static boolean perDonor(String number) {
        return inClass(number, "4");
    }

    public String labelOf(String number) {
        return accounts.get(number);
    }

    /** Whether the account's class (its first digit) is one of these. */
    static boolean inClass(String number, String classes) {
        return classes.indexOf(number.charAt(0)) >= 0;
    }

    private static void requireClass(String role, String number, String classes) {
        if (!inClass(number, classes)) {
            throw new IllegalArgumentException(role + " is account " + number + ", which is not in class "
                    + String.join(" or ", classes.split("")));
        }
    }

    private static void requireLabelled(Map<String, String> accounts, String number) {
        if (number == null) {
            // A chart file written before the account had a role (bankCharges, exchangeLosses...).
            throw new IllegalArgumentException("an account of the chart is not given: every role of "
                    + "docs/concepts/accounting.md has its account");
        }
        if (!accounts.containsKey(number)) {
            throw new IllegalArgumentException("account " + number + " is used but has no label in the chart");
        }
    }
}
