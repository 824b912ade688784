package org.solidarityfunds.donor;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.solidarityfunds.persistence.CommittedFacts;
import org.solidarityfunds.persistence.Constraints;
import org.solidarityfunds.persistence.InList;
import org.solidarityfunds.persistence.Page;
import org.solidarityfunds.persistence.PageRequest;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

@ApplicationScoped
public class DonorService {

    private final EntityManager em;
    private final Clock clock;
    /** By donor id: its auxiliary account, from its number, which never changes (V15). */
    private final CommittedFacts<UUID, String> auxiliaryAccounts;

    DonorService(EntityManager em, Clock clock, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.clock = clock;
        this.auxiliaryAccounts = new CommittedFacts<>(transactions);
    }

    /** Registers a donor. One legal entity, one donor: a SIREN already registered is refused. */
    @Transactional
    public DonorView create(CreateDonor command, String createdBy) {
        if (command.siren() != null) {
            if (command.kind() == DonorKind.PERSON) {
                throw ProblemException.invalid("siren", "a person has no SIREN");
            }
            if (Siren.parse(command.siren()).isEmpty()) {
                throw ProblemException.invalid("siren", "is not a valid SIREN (its check digit is wrong)");
            }
        }
        Donor donor = new Donor();
        donor.id = UUID.randomUUID();
        donor.kind = command.kind();
        donor.name = command.name().strip();
        donor.siren = command.siren();
        donor.contactEmail = command.contactEmail();
        donor.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        donor.createdBy = createdBy;
        Constraints.insert(em, donor, Map.of("donor_siren_key", () -> new ProblemException(ProblemType.DONOR_SIREN_TAKEN,
                "A donor with the SIREN " + command.siren() + " is already registered.")));
        return DonorView.from(donor, true);
    }

    @Transactional
    public Page<DonorView> list(PageRequest page, DonorKind kind, boolean withPersonalData) {
        long after = page.afterNumber().orElse(0L);
        List<Donor> donors = (kind == null
                ? Donor.<Donor>find("number > ?1", Sort.by("number"), after)
                : Donor.<Donor>find("number > ?1 and kind = ?2", Sort.by("number"), after, kind))
                .page(0, page.limit() + 1).list();
        return Page.of(donors, page.limit(), d -> PageRequest.cursor(d.number.toString()),
                donor -> DonorView.from(donor, withPersonalData));
    }

    /** A donor as a bank statement's payer is matched to it. */
    public record Named(UUID id, String name, String siren) {
    }

    /** Limit: the donors a bank statement's payers are matched against. */
    public static final int DONORS_MATCHED_MAX = 100_000;

    /** Every donor's name and SIREN, in registration order. */
    @Transactional
    public List<Named> named() {
        return Donor.<Donor>findAll(Sort.by("number")).page(0, DONORS_MATCHED_MAX).<Donor>list().stream()
                .map(donor -> new Named(donor.id, donor.name, donor.siren)).toList();
    }

    /**
     * The donor's auxiliary account code, by which entries name it (never by a person's name).
     * Read once per instance: a donor's number never changes (V15) and a donor is never deleted.
     */
    @Transactional
    public java.util.Optional<String> auxiliaryAccountOf(UUID id) {
        return auxiliaryAccounts.get(id).or(() -> Donor.<Donor>findByIdOptional(id)
                .map(donor -> auxiliaryAccounts.keep(id, donor.auxiliaryAccount())));
    }

    /** Several donors in one query, by id (a page of pledges names its donors with it); unknown ids are left out. */
    @Transactional
    public java.util.Map<UUID, DonorView> getAll(java.util.Collection<UUID> ids, boolean withPersonalData) {
        return InList.chunks("id", java.util.Set.copyOf(ids)).stream()
                .flatMap(in -> Donor.<Donor>list(in.condition(), in.parameters()).stream())
                .collect(java.util.stream.Collectors.toMap(donor -> donor.id, donor -> DonorView.from(donor, withPersonalData)));
    }

    @Transactional
    public DonorView get(UUID id, boolean withPersonalData) {
        Donor donor = Donor.findById(id);
        if (donor == null) {
            throw new ProblemException(ProblemType.DONOR_NOT_FOUND, "No donor has the id " + id + ".");
        }
        return DonorView.from(donor, withPersonalData);
    }
}
