package org.solidarityfunds.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.vertx.core.http.HttpServerRequest;
import org.solidarityfunds.statement.StatementDownload;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.committee.CommitteeService;
import org.solidarityfunds.committee.CommitteeView;
import org.solidarityfunds.contribution.ContributionService;
import org.solidarityfunds.contribution.ContributionSummary;
import org.solidarityfunds.disbursement.DisbursementService;
import org.solidarityfunds.disbursement.DisbursementView;
import org.solidarityfunds.donor.DonorService;
import org.solidarityfunds.donor.DonorView;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.ledger.EntrySummary;
import org.solidarityfunds.ledger.LedgerService;
import org.solidarityfunds.persistence.Page;
import org.solidarityfunds.persistence.PageRequest;
import org.solidarityfunds.pledge.PledgeService;
import org.solidarityfunds.pledge.PledgeView;
import org.solidarityfunds.problem.ProblemException;

/**
 * A fund's page: its balances and chart, its committee and disbursements for everyone who
 * may see the fund; its pledges, contributions and journal for those the API lets read
 * them (finance, auditors, administrators: {@link Screen#readsTheBooks()}).
 */
@Path(HomePage.ROOT)
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public class FundPage {

    /** Each list on the page shows its first page; the API pages through the rest. */
    static final PageRequest FIRST_PAGE = new PageRequest(PageRequest.LIMIT_DEFAULT, Optional.empty());
    /**
     * The contributions and journal entries a fund's page lists, newest first: what finance
     * checks after recording; every one is in the statement (below them) and the API.
     */
    static final int LATEST = 20;

    /** What the page shows; the lists a reader may not see are empty, and their sections hidden. */
    public record View(FundCard card, Optional<CommitteeView> committee, List<DisbursementRow> disbursements,
            List<PledgeRow> pledges, List<ContributionRow> contributions, List<EntryRow> journal) {

        public int latestCount() {
            return LATEST;
        }

        /** A donor's name, or its auxiliary account when the reader may not see it. */
        static String nameOf(Map<UUID, DonorView> donors, UUID id) {
            DonorView donor = donors.get(id);
            return donor == null || donor.name() == null ? donor == null ? "" : donor.auxiliaryAccount() : donor.name();
        }
    }

    /**
     * A row of the latest contributions, its figures written for the reader beforehand: the
     * page has forty such rows, and each expression a template resolves costs more than the
     * formatting itself (docs/operating/performance.md, "The console").
     */
    public record ContributionRow(ContributionSummary contribution, String receivedOn, String donor, String amount,
            String original, String status) {

        static ContributionRow of(ContributionSummary c, Formats fmt, Labels.Words words, Map<UUID, DonorView> donors) {
            return new ContributionRow(c, fmt.date(c.receivedOn()), View.nameOf(donors, c.donorId()),
                    fmt.money(c.amount()), c.originalAmount() == null ? ""
                            : fmt.money(c.originalAmount()) + " × " + c.exchangeRate().toPlainString(),
                    words.of(c.status()));
        }
    }

    /** A row of the latest journal entries, its instant and kind written for the reader beforehand. */
    public record EntryRow(EntrySummary entry, String recordedAt, String kind) {

        static EntryRow of(EntrySummary e, Formats fmt, Labels.Words words) {
            return new EntryRow(e, fmt.dateTime(e.recordedAt()), words.of(e.kind()));
        }
    }

    /**
     * A row of the fund's pledges, its amounts, status and instalments written for the reader
     * beforehand: a fund of thirty communes' pledges has a hundred instalments on its page.
     */
    public record PledgeRow(PledgeView pledge, String donor, String amount, String received, String outstanding,
            String status, List<InstalmentRow> instalments) {

        static PledgeRow of(PledgeView p, Formats fmt, Labels.Words words, Map<UUID, DonorView> donors) {
            return new PledgeRow(p, View.nameOf(donors, p.donorId()), fmt.money(p.amount()), fmt.money(p.received()),
                    fmt.money(p.outstanding()), words.of(p.status()), p.instalments().stream()
                            .map(i -> new InstalmentRow(words.instalmentLine(i.number(), fmt.money(i.amount()),
                                    fmt.date(i.dueOn()), fmt.money(i.received())), i.overdue()))
                            .toList());
        }
    }

    /** An instalment of a pledge's row: "n° 1: 1 500,00 € due on ..., received ...", and whether it is overdue. */
    public record InstalmentRow(String line, boolean overdue) {
    }

    /** A row of the fund's disbursements, its amount, instant and status written for the reader beforehand. */
    public record DisbursementRow(DisbursementView disbursement, String amount, String requestedAt, String status) {

        static DisbursementRow of(DisbursementView d, Formats fmt, Labels.Words words) {
            return new DisbursementRow(d, fmt.money(d.amount()), fmt.dateTime(d.requestedAt()),
                    words.of(d.status()));
        }
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance fund(Screen screen, View view);
    }

    private final FundService funds;
    private final HomePage home;
    private final CommitteeService committees;
    private final DisbursementService disbursements;
    private final PledgeService pledges;
    private final ContributionService contributions;
    private final LedgerService ledger;
    private final DonorService donors;
    private final StatementDownload downloads;
    private final Caller caller;
    private final Screen screen;
    private final PageReads reads;

    FundPage(FundService funds, HomePage home, CommitteeService committees, DisbursementService disbursements,
            PledgeService pledges, ContributionService contributions, LedgerService ledger, DonorService donors,
            StatementDownload downloads, Caller caller, Screen screen, PageReads reads) {
        this.reads = reads;
        this.downloads = downloads;
        this.funds = funds;
        this.home = home;
        this.committees = committees;
        this.disbursements = disbursements;
        this.pledges = pledges;
        this.contributions = contributions;
        this.ledger = ledger;
        this.donors = donors;
        this.caller = caller;
        this.screen = screen;
    }

    @GET
    @Path("funds/{code}")
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("code") String code) {
        return screen.render(Templates.fund(screen, reads.of(() -> view(code))));
    }

    private View view(String code) {
        FundCard card = home.card(funds.get(code, caller.scope()));
        Optional<CommitteeView> committee = committees.find(code, caller.scope());
        // The page lists the requests without their votes: each has its own page with them.
        Page<DisbursementView> requests = disbursements.list(code, null, FIRST_PAGE, caller.scope(), false);
        Page<PledgeView> pledged = Page.empty();
        List<ContributionSummary> received = List.of();
        List<EntrySummary> journal = List.of();
        if (screen.readsTheBooks()) {
            pledged = pledges.list(code, null, null, FIRST_PAGE, caller.scope());
            received = contributions.latest(code, LATEST, caller.scope());
            journal = ledger.latestEntries(code, LATEST, caller.scope());
        }
        Set<UUID> donorIds = new HashSet<>();
        pledged.items().forEach(p -> donorIds.add(p.donorId()));
        received.forEach(c -> donorIds.add(c.donorId()));
        Map<UUID, DonorView> named = donors.getAll(donorIds, caller.seesPersonalData());
        Formats fmt = screen.fmt();
        Labels.Words words = screen.words();
        return new View(card, committee,
                requests.items().stream().map(d -> DisbursementRow.of(d, fmt, words)).toList(),
                pledged.items().stream().map(p -> PledgeRow.of(p, fmt, words, named)).toList(),
                received.stream().map(c -> ContributionRow.of(c, fmt, words, named)).toList(),
                journal.stream().map(e -> EntryRow.of(e, fmt, words)).toList());
    }

    /**
     * The fund's statement for a period, downloaded as CSV (for a spreadsheet) or JSON: the
     * API's statement, the days typed as the reader writes them.
     */
    @GET
    @Path("funds/{code}/statement")
    @Produces({MediaType.TEXT_HTML, "text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public Response statement(@PathParam("code") String code, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("format") String format, @Context HttpServerRequest exchange) {
        return downloads.of(code, isoDay("from", from), isoDay("to", to), caller.scope(), !"json".equals(format), true,
                exchange);
    }

    private String isoDay(String field, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return screen.fmt().day(typed).map(java.time.LocalDate::toString)
                .orElseThrow(() -> ProblemException.invalid(field, "is not a day written DD/MM/YYYY"));
    }

}
