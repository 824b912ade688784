package org.solidarityfunds.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.contribution.ContributionService;
import org.solidarityfunds.contribution.ContributionView;
import org.solidarityfunds.contribution.RecordContribution;
import org.solidarityfunds.contribution.ReverseContribution;
import org.solidarityfunds.donor.DonorService;
import org.solidarityfunds.donor.DonorView;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.fund.FundView;
import org.solidarityfunds.money.Currencies;
import org.solidarityfunds.money.Money;
import org.solidarityfunds.pledge.AllocationProposal;
import org.solidarityfunds.pledge.PledgeService;
import org.solidarityfunds.problem.ProblemType;
import org.solidarityfunds.web.Ids;

/**
 * Recording money received, in two steps: the details as the bank shows them, then a
 * confirmation that shows the amount credited to the fund (converted at the rate when the
 * money came in another currency) and proposes its allocation to the donor's open pledges,
 * earliest due first ({@link AllocationProposal}). Both steps carry the same Idempotency-Key.
 * And a contribution's page, with its reversal for a transfer that bounced.
 */
@Path(HomePage.ROOT)
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public class ContributionPages {

    /** The currencies the form offers besides the fund's own: those the network's donors and partners use. */
    static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "CAD", "XOF", "XAF", "MZN", "LBP");
    static final String[] DETAILS = {"donorId", "amount", "currency", "exchangeRate", "receivedOn", "bankReference"};

    /** The first step: the fund, the donors to choose from, the chosen one. */
    public record Details(FundView fund, List<DonorView> donors, List<String> currencies, Form form) {
    }

    /** The second step: what will be credited, and the proposed allocation, line by line. */
    public record Confirmation(FundView fund, DonorView donor, Money received, BigDecimal rate, Money credited,
            List<AllocationProposal.Line> lines, Form form) {

        public boolean converted() {
            return rate != null;
        }

        /** The form field of a line's allocated amount. */
        public String field(int line) {
            return allocation(line);
        }
    }

    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance contributionNew(Screen screen, Details details);

        static native TemplateInstance contributionConfirm(Screen screen, Confirmation confirmation);

        static native TemplateInstance contribution(Screen screen, ContributionView contribution, FundView fund,
                DonorView donor, boolean mayReverse, Form reversal);
    }

    private final ContributionService contributions;
    private final PledgeService pledges;
    private final DonorService donors;
    private final FundService funds;
    private final Submissions submissions;
    private final Caller caller;
    private final Screen screen;

    ContributionPages(ContributionService contributions, PledgeService pledges, DonorService donors, FundService funds,
            Submissions submissions, Caller caller, Screen screen) {
        this.contributions = contributions;
        this.pledges = pledges;
        this.donors = donors;
        this.funds = funds;
        this.submissions = submissions;
        this.caller = caller;
        this.screen = screen;
    }

    @GET
    @Path("funds/{code}/contributions/new")
    @RolesAllowed(Roles.FINANCE)
    @Operation(hidden = true)
    public TemplateInstance details(@PathParam("code") String code, @QueryParam("donorId") String donorId) {
        FundView fund = funds.get(code, caller.scope());
        Form form = Form.fresh().with("currency", fund.currency());
        if (donorId != null) {
            form.with("donorId", donorId);
        }
        return details(fund, form);
    }

    @POST
    @Path("funds/{code}/contributions/preview")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response preview(@PathParam("code") String code, MultivaluedMap<String, String> sent) {
        Form form = submissions.received(sent, DETAILS);
        FundView fund = funds.get(code, caller.scope());
        Optional<Confirmation> confirmation = confirmation(fund, form);
        if (confirmation.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(details(fund, form)).build();
        }
        List<Long> proposed = AllocationProposal.fill(confirmation.get().credited().amountMinor(),
                confirmation.get().lines());
        Currency currency = Currency.getInstance(fund.currency());
        for (int i = 0; i < proposed.size(); i++) {
            form.with(allocation(i), proposed.get(i) == 0 ? "" : screen.fmt().typed(proposed.get(i), currency));
        }
        return Response.ok(screen.render(Templates.contributionConfirm(screen, confirmation.get()))).build();
    }

    @POST
    @Path("funds/{code}/contributions")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response record(@PathParam("code") String code, MultivaluedMap<String, String> sent, UriInfo uri) {
        List<String> fields = new ArrayList<>(List.of(DETAILS));
        for (int i = 0; i < RecordContribution.ALLOCATIONS_MAX; i++) {
            fields.add(allocation(i));
        }
        Form form = submissions.received(sent, fields.toArray(String[]::new));
        FundView fund = funds.get(code, caller.scope());
        Optional<Confirmation> confirmation = confirmation(fund, form);
        if (confirmation.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(details(fund, form)).build();
        }
        ObjectNode command = submissions.command();
        Submissions.text(command, "donorId", form);
        command.putObject("amount").put("amountMinor", confirmation.get().received().amountMinor())
                .put("currency", confirmation.get().received().currency().getCurrencyCode());
        if (confirmation.get().converted()) {
            command.put("exchangeRate", confirmation.get().rate());
        }
        submissions.day(command, "receivedOn", form);
        Submissions.text(command, "bankReference", form);
        ArrayNode allocations = command.putArray("allocations");
        Currency currency = Currency.getInstance(fund.currency());
        List<AllocationProposal.Line> lines = confirmation.get().lines();
        for (int i = 0; i < lines.size(); i++) {
            String typed = form.value(allocation(i));
            if (typed.isBlank()) {
                continue;
            }
            Optional<Long> minor = screen.fmt().amountMinor(typed, currency);
            if (minor.isEmpty()) {
                form.problem(allocation(i), FieldProblem.NOT_AN_AMOUNT);
            } else if (minor.get() > 0) {
                ObjectNode line = allocations.addObject().put("pledgeId", lines.get(i).pledgeId().toString())
                        .put("amountMinor", minor.get());
                if (lines.get(i).instalmentNumber() != null) {
                    line.put("instalmentNumber", lines.get(i).instalmentNumber());
                }
            }
        }
        return submissions.send(form, command, RecordContribution.class, uri,
                (request, c) -> contributions.record(request, code, c, caller.scope()),
                answer -> HomePage.ROOT + "/contributions/" + Submissions.lastSegment(answer.location()),
                f -> screen.render(Templates.contributionConfirm(screen, confirmation.get())));
    }

    @GET
    @Path("contributions/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("id") String id) {
        return contribution(contributionId(id), Form.fresh());
    }

    @POST
    @Path("contributions/{id}/reversal")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reverse(@PathParam("id") String id, MultivaluedMap<String, String> sent, UriInfo uri) {
        Form form = submissions.received(sent, "reason");
        UUID contribution = contributionId(id);
        ObjectNode command = submissions.command();
        Submissions.text(command, "reason", form);
        return submissions.send(form, command, ReverseContribution.class, uri,
                (request, c) -> contributions.reverse(request, contribution, c, caller.scope()),
                answer -> HomePage.ROOT + "/contributions/" + contribution, f -> contribution(contribution, f));
    }

    private TemplateInstance contribution(UUID id, Form reversal) {
        ContributionView contribution = contributions.get(id, caller.scope());
        FundView fund = funds.get(contribution.fundCode(), caller.scope());
        DonorView donor = donors.get(contribution.donorId(), caller.seesPersonalData());
        boolean mayReverse = caller.has(Roles.FINANCE) && contribution.status() == ContributionView.Status.RECEIVED;
        return screen.render(Templates.contribution(screen, contribution, fund, donor, mayReverse, reversal));
    }

    private TemplateInstance details(FundView fund, Form form) {
        Set<String> currencies = new LinkedHashSet<>();
        currencies.add(fund.currency());
        currencies.addAll(CURRENCIES);
        return screen.render(Templates.contributionNew(screen, new Details(fund,
                donors.list(HomePage.FIRST_200, null, caller.seesPersonalData()).items(), List.copyOf(currencies), form)));
    }

    /**
     * What the details say will be credited, with the donor's open pledges; empty, with the
     * form's problems noted, when the details do not hold together.
     */
    private Optional<Confirmation> confirmation(FundView fund, Form form) {
        Optional<UUID> donorId = Ids.parse(form.value("donorId"));
        if (donorId.isEmpty()) {
            form.problem("donorId", FieldProblem.REQUIRED);
        }
        Optional<Currency> currency = Currencies.find(form.value("currency"));
        if (currency.isEmpty()) {
            form.problem("currency", FieldProblem.INVALID);
        }
        Optional<Long> amount = Optional.empty();
        if (form.value("amount").isBlank()) {
            form.problem("amount", FieldProblem.REQUIRED);
        } else if (currency.isPresent()) {
            amount = screen.fmt().amountMinor(form.value("amount"), currency.get());
            if (amount.isEmpty() || amount.get() == 0) {
                form.problem("amount", FieldProblem.NOT_AN_AMOUNT);
            }
        }
        Currency fundCurrency = Currency.getInstance(fund.currency());
        BigDecimal rate = null;
        if (currency.isPresent() && !currency.get().equals(fundCurrency)) {
            rate = form.value("exchangeRate").isBlank() ? null : screen.fmt().decimal(form.value("exchangeRate"))
                    .filter(r -> r.signum() > 0).orElse(null);
            if (rate == null) {
                form.problem("exchangeRate", form.value("exchangeRate").isBlank() ? FieldProblem.REQUIRED
                        : FieldProblem.INVALID);
            }
        }
        if (form.value("receivedOn").isBlank()) {
            form.problem("receivedOn", FieldProblem.REQUIRED);
        } else if (screen.fmt().day(form.value("receivedOn")).isEmpty()) {
            form.problem("receivedOn", FieldProblem.NOT_A_DAY);
        }
        if (form.value("bankReference").isBlank()) {
            form.problem("bankReference", FieldProblem.REQUIRED);
        }
        if (form.refused()) {
            return Optional.empty();
        }
        DonorView donor;
        try {
            donor = donors.get(donorId.get(), caller.seesPersonalData());
        } catch (org.solidarityfunds.problem.ProblemException unknown) {
            form.problem("donorId", FieldProblem.INVALID);
            return Optional.empty();
        }
        Money received = new Money(amount.get(), currency.get());
        Money credited;
        try {
            credited = rate == null ? received : received.convertedAt(rate, fundCurrency);
        } catch (ArithmeticException tooLarge) {
            form.problem("amount", FieldProblem.INVALID);
            return Optional.empty();
        }
        if (credited.isZero()) {
            form.problem("exchangeRate", FieldProblem.INVALID);
            return Optional.empty();
        }
        List<AllocationProposal.Line> lines = AllocationProposal.outstanding(pledges.list(fund.code(), donor.id(), null,
                FundPage.FIRST_PAGE, caller.scope()).items());
        return Optional.of(new Confirmation(fund, donor, received, rate, credited, lines, form));
    }

    static String allocation(int line) {
        return "allocation." + line;
    }

    private static UUID contributionId(String id) {
        return Ids.require(id, ProblemType.CONTRIBUTION_NOT_FOUND, "contribution");
    }
}
