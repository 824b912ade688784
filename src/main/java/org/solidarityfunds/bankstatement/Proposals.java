package org.solidarityfunds.bankstatement;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.solidarityfunds.bankstatement.Proposal.Confidence;
import org.solidarityfunds.pledge.AllocationProposal;

/**
 * The reconciliation rule, pure: what a statement line is proposed to be, from what the ledger
 * knows (docs/guides/bank-statements.md, "Proposals").
 *
 * <p>A credit is a donor's money. If a contribution of the same amount was already recorded by
 * hand, the line is that contribution (surely so when its bank reference is the line's; likely
 * when it was received that day), never a second one. Otherwise the pledge is sought first by its deliberation reference in
 * the payer's text, which also names the donor; else the donor by the account paid from (when
 * that IBAN is one donor's only), then by a SIREN (or SIRET) in the text, then by name; then its
 * pledge by what is outstanding: an instalment or a pledge expecting exactly this amount, else
 * the earliest due. A debit is a payment of the same amount, surely so when its reference is in
 * the text. A return (reversal) is never guessed: it undoes something a person must find.
 */
final class Proposals {

    /** A donor as matched: its name (and the words it is compared by, made once), its SIREN. */
    record Donor(UUID id, String name, String siren, String nameWords) {

        static Donor of(UUID id, String name, String siren) {
            return new Donor(id, name, siren, words(name));
        }
    }

    /** An open pledge (its reference made comparable once) and what it still expects, earliest due first. */
    record OpenPledge(UUID id, UUID donorId, String fundCode, String deliberationRef, String compactRef,
            List<AllocationProposal.Line> outstanding) {

        static OpenPledge of(UUID id, UUID donorId, String fundCode, String deliberationRef,
                List<AllocationProposal.Line> outstanding) {
            return new OpenPledge(id, donorId, fundCode, deliberationRef, compact(deliberationRef), outstanding);
        }

        long outstandingMinor() {
            return outstanding.stream().mapToLong(AllocationProposal.Line::outstandingMinor).sum();
        }
    }

    /** A contribution already recorded (by hand, before the statement came), not yet matched to a line. */
    record Recorded(UUID contributionId, String fundCode, UUID donorId, long amountMinor, java.time.LocalDate receivedOn,
            String bankReference) {
    }

    /** A payment out of a fund, not yet matched to a line. */
    record Payment(UUID paymentId, UUID disbursementId, String fundCode, long amountMinor, long chargesMinor,
            String reference, String beneficiary) {

        /** Whether the bank's debit is this payment: the transfer alone, or with its charges in one movement. */
        boolean debits(long lineMinor) {
            return lineMinor == amountMinor || (chargesMinor > 0 && lineMinor == amountMinor + chargesMinor);
        }
    }

    /**
     * What the ledger knows, for the account's statement.
     *
     * @param accountFund the fund whose own account it is, or null for a shared account
     */
    record Known(Map<String, List<UUID>> donorsByIban, Map<UUID, Donor> donors, List<OpenPledge> pledges,
            List<Payment> payments, List<Recorded> recorded, String accountFund) {
    }

    /** A reference shorter than this (once spaces and dashes are gone) is too common to be matched in a text. */
    static final int REFERENCE_LENGTH_MIN = 5;
    /** A name shorter than this is too common to be sought inside a text. */
    static final int NAME_LENGTH_MIN = 6;

    private static final Pattern SIREN_OR_SIRET = Pattern.compile("(?<![0-9])([0-9]{9}|[0-9]{14})(?![0-9])");

    private Proposals() {
    }

    static Proposal propose(BankFile.Line line, Known known) {
        if (line.reversal()) {
            return Proposal.none("A return of an earlier movement: find what it undoes and handle it by hand.");
        }
        return line.direction() == BankFile.Direction.CREDIT ? credit(line, known) : debit(line, known);
    }

    private static Proposal credit(BankFile.Line line, Known known) {
        String text = String.join(" ", nonNull(line.counterpartyName()), nonNull(line.remittance()),
                nonNull(line.endToEndId()), nonNull(line.entryReference()));
        Optional<Proposal> recorded = recordedAlready(line, text, known);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        Optional<OpenPledge> byReference = pledgeNamedIn(text, known.pledges());
        if (byReference.isPresent()) {
            OpenPledge pledge = byReference.get();
            Donor donor = known.donors().get(pledge.donorId());
            AllocationProposal.Line first = instalmentFor(line.amountMinor(), pledge.outstanding());
            return new Proposal(pledge.donorId(), pledge.id(), first.instalmentNumber(), pledge.fundCode(), null, null,
                    Confidence.HIGH, "The text names deliberation " + pledge.deliberationRef() + ", a pledge of "
                            + donor.name() + ".");
        }
        Optional<Matched> donor = donorByIban(line, known).or(() -> donorBySiren(text, known))
                .or(() -> donorByName(line, text, known));
        if (donor.isEmpty()) {
            return Proposal.none("No donor is known by this account, SIREN or name.");
        }
        return pledgeOf(donor.get(), line.amountMinor(), known);
    }

    /**
     * The contribution recorded by hand that this credit is: of the same amount, and with the
     * same bank reference (sure), or else the only one received that day (likely).
     */
    private static Optional<Proposal> recordedAlready(BankFile.Line line, String text, Known known) {
        List<Recorded> sameAmount = known.recorded().stream().filter(r -> r.amountMinor() == line.amountMinor()).toList();
        if (sameAmount.isEmpty()) {
            return Optional.empty();
        }
        String references = compact(text + " " + nonNull(line.bankReference()));
        for (Recorded recorded : sameAmount) {
            String reference = compact(recorded.bankReference());
            if (reference.length() >= REFERENCE_LENGTH_MIN && references.contains(reference)) {
                return Optional.of(already(recorded, Confidence.HIGH, "A contribution with the bank reference "
                        + recorded.bankReference() + " and this amount was already recorded on " + recorded.receivedOn()
                        + ": the line is that contribution, not a new one."));
            }
        }
        List<Recorded> sameDay = sameAmount.stream().filter(r -> r.receivedOn().equals(line.bookingDate())
                || r.receivedOn().equals(line.valueDate())).toList();
        if (sameDay.size() == 1) {
            return Optional.of(already(sameDay.get(0), Confidence.MEDIUM, "A contribution of this amount received that "
                    + "day was already recorded (bank reference " + sameDay.get(0).bankReference() + "): the line is "
                    + "likely that contribution, not a new one."));
        }
        return Optional.empty();
    }

    private static Proposal already(Recorded recorded, Confidence confidence, String reason) {
        return new Proposal(recorded.donorId(), null, null, recorded.fundCode(), null, recorded.contributionId(),
                confidence, reason);
    }

    /** A donor as found, how surely and why. */
    private record Matched(Donor donor, Confidence confidence, String reason) {
    }

    private static Optional<Matched> donorByIban(BankFile.Line line, Known known) {
        if (line.counterpartyIban() == null) {
            return Optional.empty();
        }
        List<UUID> payers = known.donorsByIban().getOrDefault(line.counterpartyIban(), List.of());
        if (payers.size() != 1) {
            return Optional.empty();
        }
        Donor donor = known.donors().get(payers.get(0));
        return Optional.of(new Matched(donor, Confidence.HIGH, "The account " + line.counterpartyIban()
                + " is " + donor.name() + "'s."));
    }

    private static Optional<Matched> donorBySiren(String text, Known known) {
        Matcher numbers = SIREN_OR_SIRET.matcher(text.replaceAll("(?<=[0-9]) (?=[0-9])", ""));
        while (numbers.find()) {
            String siren = numbers.group(1).substring(0, 9);
            Optional<Donor> donor = known.donors().values().stream().filter(d -> siren.equals(d.siren())).findFirst();
            if (donor.isPresent()) {
                return Optional.of(new Matched(donor.get(), Confidence.HIGH, "The text gives SIREN " + siren + ", "
                        + donor.get().name() + "'s."));
            }
        }
        return Optional.empty();
    }

    private static Optional<Matched> donorByName(BankFile.Line line, String text, Known known) {
        String payer = words(line.counterpartyName());
        if (!payer.isEmpty()) {
            List<Donor> same = known.donors().values().stream().filter(d -> d.nameWords().equals(payer)).toList();
            if (same.size() == 1) {
                return Optional.of(new Matched(same.get(0), Confidence.MEDIUM, "The payer's name is "
                        + same.get(0).name() + "'s."));
            }
        }
        String padded = " " + words(text) + " ";
        List<Donor> named = known.donors().values().stream()
                .filter(d -> d.nameWords().length() >= NAME_LENGTH_MIN && padded.contains(" " + d.nameWords() + " "))
                .sorted(Comparator.comparingInt((Donor d) -> d.nameWords().length()).reversed()).toList();
        if (named.isEmpty() || (named.size() > 1
                && named.get(0).nameWords().length() == named.get(1).nameWords().length())) {
            return Optional.empty();
        }
        return Optional.of(new Matched(named.get(0), Confidence.LOW, "The text contains the name "
                + named.get(0).name() + "."));
    }

    private static Proposal pledgeOf(Matched donor, long amountMinor, Known known) {
        List<OpenPledge> pledges = known.pledges().stream().filter(p -> p.donorId().equals(donor.donor().id())).toList();
        if (pledges.isEmpty()) {
            return new Proposal(donor.donor().id(), null, null, known.accountFund(), null, null, donor.confidence(),
                    donor.reason() + " It has no open pledge: the money would be received unallocated.");
        }
        for (OpenPledge pledge : pledges) {
            for (AllocationProposal.Line due : pledge.outstanding()) {
                if (due.outstandingMinor() == amountMinor) {
                    return new Proposal(donor.donor().id(), pledge.id(), due.instalmentNumber(), pledge.fundCode(),
                            null, null, donor.confidence(), donor.reason() + " The amount is what " + what(pledge, due)
                                    + " still expects.");
                }
            }
            if (pledge.outstandingMinor() == amountMinor) {
                return new Proposal(donor.donor().id(), pledge.id(), null, pledge.fundCode(), null, null, donor.confidence(),
                        donor.reason() + " The amount is what pledge " + name(pledge) + " still expects.");
            }
        }
        OpenPledge earliest = pledges.stream()
                .min(Comparator.comparing((OpenPledge p) -> p.outstanding().get(0).dueOn())).orElseThrow();
        AllocationProposal.Line due = earliest.outstanding().get(0);
        Confidence confidence = donor.confidence() == Confidence.HIGH ? Confidence.MEDIUM : Confidence.LOW;
        return new Proposal(donor.donor().id(), earliest.id(), due.instalmentNumber(), earliest.fundCode(), null, null,
                confidence, donor.reason() + " No open pledge expects this amount: " + what(earliest, due)
                        + ", the earliest due, is proposed.");
    }

    private static Proposal debit(BankFile.Line line, Known known) {
        String text = compact(String.join(" ", nonNull(line.remittance()), nonNull(line.endToEndId()),
                nonNull(line.entryReference()), nonNull(line.bankReference())));
        List<Payment> sameAmount = known.payments().stream().filter(p -> p.debits(line.amountMinor())).toList();
        for (Payment payment : sameAmount) {
            String reference = compact(payment.reference());
            if (reference.length() >= REFERENCE_LENGTH_MIN && text.contains(reference)) {
                return new Proposal(null, null, null, payment.fundCode(), payment, null, Confidence.HIGH,
                        "The text gives the reference " + payment.reference() + " of the payment to "
                                + payment.beneficiary() + ", of the same amount.");
            }
        }
        if (sameAmount.size() == 1) {
            Payment payment = sameAmount.get(0);
            return new Proposal(null, null, null, payment.fundCode(), payment, null, Confidence.MEDIUM,
                    "The only payment of this amount not yet matched: to " + payment.beneficiary() + ", reference "
                            + payment.reference() + ".");
        }
        return Proposal.none(sameAmount.isEmpty() ? "No payment of this amount is waiting to be matched."
                : sameAmount.size() + " payments of this amount are waiting to be matched: choose one.");
    }

    /** The pledge whose deliberation reference is in the text: the longest, when one reference contains another. */
    private static Optional<OpenPledge> pledgeNamedIn(String text, List<OpenPledge> pledges) {
        String compacted = compact(text);
        List<OpenPledge> named = new ArrayList<>();
        int longest = 0;
        for (OpenPledge pledge : pledges) {
            String reference = pledge.compactRef();
            if (reference.length() < REFERENCE_LENGTH_MIN || !compacted.contains(reference)) {
                continue;
            }
            if (reference.length() > longest) {
                named.clear();
                longest = reference.length();
            }
            if (reference.length() == longest) {
                named.add(pledge);
            }
        }
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** The instalment that expects exactly this amount, else the earliest due. */
    private static AllocationProposal.Line instalmentFor(long amountMinor, List<AllocationProposal.Line> outstanding) {
        return outstanding.stream().filter(due -> due.outstandingMinor() == amountMinor).findFirst()
                .orElse(outstanding.get(0));
    }

    private static String what(OpenPledge pledge, AllocationProposal.Line due) {
        return due.instalmentNumber() == null ? "pledge " + name(pledge)
                : "instalment " + due.instalmentNumber() + " of pledge " + name(pledge);
    }

    private static String name(OpenPledge pledge) {
        return pledge.deliberationRef() == null ? pledge.id().toString() : pledge.deliberationRef();
    }

    /** Upper case, without accents or anything but letters and digits: how references are compared. */
    static String compact(String text) {
        return plain(text).replaceAll("[^A-Z0-9]", "");
    }

    /** Upper case, without accents, words separated by one space: how names are compared. */
    static String words(String text) {
        return plain(text).replaceAll("[^A-Z0-9]+", " ").strip();
    }

    private static String plain(String text) {
        return Normalizer.normalize(nonNull(text), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
