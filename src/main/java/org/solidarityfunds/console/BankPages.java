package org.solidarityfunds.console;

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
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.bankstatement.BankFile;
import org.solidarityfunds.bankstatement.BankStatementService;
import org.solidarityfunds.bankstatement.Proposal;
import org.solidarityfunds.bankstatement.Reconcile;
import org.solidarityfunds.bankstatement.StatementViews;
import org.solidarityfunds.contribution.RecordContribution;
import org.solidarityfunds.donor.DonorService;
import org.solidarityfunds.donor.DonorView;
import org.solidarityfunds.idempotency.Answer;
import org.solidarityfunds.idempotency.Idempotency;
import org.solidarityfunds.persistence.Page;
import org.solidarityfunds.persistence.PageRequest;
import org.solidarityfunds.pledge.AllocationProposal;
import org.solidarityfunds.pledge.PledgeService;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;
import org.solidarityfunds.web.Ids;

/**
 * The bank's statements for finance, auditors and administrators: the latest staged
 * statements; a file staged by finance (the API's staging, its problems on the form); a
 * statement with its balances, the ledger's bank balance beside its closing balance, and its
 * lines with what is proposed for each and why. Finance accepts, dismisses or leaves open each
 * open line and confirms them together (the API's reconciliation, all or nothing, under the
 * Idempotency-Key made when the page was drawn). A line's own page changes what was proposed:
 * another donor and allocation, a contribution already recorded by hand, or another payment,
 * confirmed for that line alone.
 */
@Path(HomePage.ROOT)
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public class BankPages {

    /** Limit: the lines one page of a statement shows. */
    static final int LINES_PER_PAGE = 200;

    /** A statement's page: the statement, one page of its lines, and the decisions' form. */
    public record StatementPage(StatementViews.StatementView statement, Page<StatementViews.LineView> lines,
            Form form, Map<UUID, Integer> refusedLines) {

        /** Whether a line can be decided here: open. */
        public boolean decidable(StatementViews.LineView line) {
            return line.status() == StatementViews.LineStatus.OPEN;
        }

        /** Whether a line can be accepted as proposed: open, not a return, with something proposed. */
        public boolean acceptable(StatementViews.LineView line) {
            return decidable(line) && !line.reversal() && line.proposal().confidence() != Proposal.Confidence.NONE;
        }

        public boolean anyDecidable() {
            return lines.items().stream().anyMatch(this::decidable);
        }

        public boolean refused(StatementViews.LineView line) {
            return refusedLines.containsKey(line.id());
        }

        /** The funds whose bank money the account holds, as the comparison names them. */
        public String funds() {
            return String.join(", ", statement.ledger().funds());
        }

        /** Whether this decision was chosen for the line in the form sent back. */
        public boolean chosen(StatementViews.LineView line, String action) {
            return form.is("decision-" + line.id(), action);
        }

        /** The reason typed for the line in the form sent back. */
        public String reason(StatementViews.LineView line) {
            return form.value("reason-" + line.id());
        }
    }

    /** What an open line may be instead of its proposal, as finance chooses it on the line's page. */
    public enum Choice {
        /** A new contribution, of the donor and with the allocation finance gives. */
        CONTRIBUTION,
        /** A contribution already recorded by hand. */
        RECORDED,
        /** A debit: one payment (a tranche of a disbursement). */
        PAYMENT
    }

    /**
     * A line's page: the line and what became of it; for finance, while it is open, what it may
     * be instead: for a credit, the donor chosen (the proposed one first), the fund (on a shared
     * account), the donor's open pledges on it with the line's amount spread over them earliest
     * due first, and the contributions of its amount already recorded; for a debit, the payments
     * no line is yet.
     */
    public record LinePage(StatementViews.Heading statement, StatementViews.LineChoices choices,
            List<DonorView> owingDonors, List<DonorView> otherDonors, String fund, DonorView donor, List<AllocationProposal.Line> outstanding,
            Map<UUID, String> donorNames, Form form) {

        public StatementViews.LineView line() {
            return choices.line();
        }

        /** Whether finance may decide the line: open (not handled, not a duplicate). */
        public boolean open() {
            return line().status() == StatementViews.LineStatus.OPEN;
        }

        /** Whether the line may become a contribution: an open credit, not a return of an earlier movement. */
        public boolean credit() {
            return open() && line().direction() == BankFile.Direction.CREDIT && !line().reversal();
        }

        public boolean debit() {
            return open() && line().direction() == BankFile.Direction.DEBIT;
        }

        /** Whether the fund must be chosen: the account holds the money of several funds. */
        public boolean fundToChoose() {
            return choices.funds().size() > 1;
        }

        /** Whether the account is shared by several funds: a new contribution names its fund. */
        public boolean shared() {
            return statement.shared();
        }

        /**
         * Each of the page's forms has its own Idempotency-Key: the one sent back refused keeps
         * its key; the others get new ones.
         */
        public String key(String choice) {
            return form.is("choice", choice) ? form.key() : UUID.randomUUID().toString();
        }

        /** The note field of a choice's form (each form its own, so that one's problem is not another's). */
        public String note(String choice) {
            return noteField(Choice.valueOf(choice));
        }

        /** The form field of an open pledge line's allocated amount. */
        public String allocation(int row) {
            return BankPages.allocation(row);
        }

        /** The form field of an open pledge line's pledge (and instalment). */
        public String pledge(int row) {
            return pledgeField(row);
        }

        /** A recorded contribution's donor, as the choices name it. */
        public String donorName(UUID donorId) {
            return donorNames.getOrDefault(donorId, "");
        }
    }

    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance bankStatements(Screen screen, List<StatementViews.StatementSummary> statements,
                Form form);

        static native TemplateInstance bankStatement(Screen screen, StatementPage page);

        static native TemplateInstance bankLine(Screen screen, LinePage page);
    }

    private final BankStatementService statements;
    private final DonorService donors;
    private final PledgeService pledges;
    private final jakarta.validation.Validator validator;
    private final FormGuard guard;
    private final Caller caller;
    private final Screen screen;

    BankPages(BankStatementService statements, DonorService donors, PledgeService pledges,
            jakarta.validation.Validator validator, FormGuard guard, Caller caller, Screen screen) {
        this.statements = statements;
        this.donors = donors;
        this.pledges = pledges;
        this.validator = validator;
        this.guard = guard;
        this.caller = caller;
        this.screen = screen;
    }

    @GET
    @Path("bank-statements")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public TemplateInstance list() {
        return listPage(Form.fresh());
    }

    @POST
    @Path("bank-statements")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response stage(@RestForm(FormGuard.FIELD) String csrf, @RestForm("key") String key,
            @RestForm("statement") FileUpload statement, UriInfo uri) {
        guard.verify(csrf);
        Form form = Form.sent(key, Map.of("statement", ""));
        byte[] file;
        try {
            file = statement == null ? new byte[0] : Files.readAllBytes(statement.uploadedFile());
        } catch (IOException unreadable) {
            file = new byte[0];
        }
        if (file.length == 0) {
            form.problem("statement", FieldProblem.REQUIRED);
            return Response.status(Response.Status.BAD_REQUEST).entity(listPage(form)).build();
        }
        try {
            Answer<StatementViews.FileView> staged = statements.stage(caller.subject(), form.key(), uri.getPath(), file,
                    statement.fileName(), caller.scope());
            // Its first statement (a replay answers the location it stored).
            return Response.seeOther(URI.create(HomePage.ROOT + "/bank-statements/"
                    + Submissions.lastSegment(staged.location()))).build();
        } catch (ProblemException refused) {
            return Submissions.again(form, refused, this::listPage);
        }
    }

    @GET
    @Path("bank-statements/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public TemplateInstance statement(@PathParam("id") String id, @QueryParam("after") String after) {
        return statementPage(statementId(id), after, Form.fresh(), Map.of());
    }

    @POST
    @Path("bank-statements/{id}/reconciliation")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reconcile(@PathParam("id") String id, MultivaluedMap<String, String> sent, UriInfo uri) {
        guard.verify(sent.getFirst(FormGuard.FIELD));
        UUID statement = statementId(id);
        Map<String, String> values = new HashMap<>();
        List<Reconcile.Decision> decisions = new ArrayList<>();
        List<UUID> decided = new ArrayList<>();
        for (String field : sent.keySet()) {
            if (!field.startsWith("decision-")) {
                continue;
            }
            String action = sent.getFirst(field);
            String lineId = field.substring("decision-".length());
            String reason = sent.getFirst("reason-" + lineId);
            values.put(field, action == null ? "" : action);
            values.put("reason-" + lineId, reason == null ? "" : reason);
            UUID line = Ids.parse(lineId).orElse(null);
            if (line == null || action == null || action.isEmpty()) {
                continue;
            }
            Reconcile.Action chosen = "ACCEPT".equals(action) ? Reconcile.Action.ACCEPT
                    : "DISMISS".equals(action) ? Reconcile.Action.DISMISS : null;
            if (chosen == null) {
                continue;
            }
            decisions.add(new Reconcile.Decision(line, chosen, null, null, null, null, null, null,
                    chosen == Reconcile.Action.DISMISS && reason != null && !reason.isBlank() ? reason : null));
            decided.add(line);
        }
        Form form = Form.sent(sent.getFirst("key"), values);
        Reconcile command = new Reconcile(null, decisions);
        try {
            statements.reconcile(Idempotency.Request.post(caller.subject(), form.key(), uri.getPath(), command),
                    statement, command, caller.scope());
            return Response.seeOther(URI.create(HomePage.ROOT + "/bank-statements/" + statement)).build();
        } catch (ProblemException refused) {
            Map<UUID, Integer> refusedLines = new HashMap<>();
            refused.errors().forEach(error -> lineOf(error.field()).filter(i -> i < decided.size())
                    .ifPresent(i -> refusedLines.put(decided.get(i), i)));
            if (refused.type().status() == Response.Status.NOT_FOUND.getStatusCode()) {
                throw refused;
            }
            form.refuse(refused.type());
            return Response.status(refused.type().status())
                    .entity(statementPage(statement, null, form, refusedLines)).build();
        }
    }

    @GET
    @Path("bank-statements/{id}/lines/{line}")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public TemplateInstance line(@PathParam("id") String id, @PathParam("line") String line,
            @QueryParam("donorId") String donorId, @QueryParam("fund") String fund) {
        Form form = Form.fresh();
        if (donorId != null) {
            form.with("donorId", donorId);
        }
        if (fund != null) {
            form.with("fund", fund);
        }
        return linePage(statementId(id), lineId(line), form, true);
    }

    @POST
    @Path("bank-statements/{id}/lines/{line}")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response decide(@PathParam("id") String id, @PathParam("line") String line,
            MultivaluedMap<String, String> sent, UriInfo uri) {
        guard.verify(sent.getFirst(FormGuard.FIELD));
        UUID statement = statementId(id);
        UUID lineId = lineId(line);
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("choice", "donorId", "fund", "contributionId", "paymentId",
                noteField(Choice.CONTRIBUTION), noteField(Choice.RECORDED), noteField(Choice.PAYMENT))) {
            values.put(field, Objects.requireNonNullElse(sent.getFirst(field), ""));
        }
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < RecordContribution.ALLOCATIONS_MAX && sent.containsKey(pledgeField(row)); row++) {
            values.put(allocation(row), Objects.requireNonNullElse(sent.getFirst(allocation(row)), ""));
            values.put(pledgeField(row), Objects.requireNonNullElse(sent.getFirst(pledgeField(row)), ""));
            rows.add(row);
        }
        values.put("allocations", "");
        Form form = Form.sent(sent.getFirst("key"), values);
        Currency currency = Currency.getInstance(statements.heading(statement, caller.scope()).currency());
        List<Integer> allocated = new ArrayList<>();
        Optional<Reconcile.Decision> decision = decision(lineId, form, rows, currency, allocated);
        if (decision.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(linePage(statement, lineId, form, false))
                    .build();
        }
        Reconcile command = new Reconcile(null, List.of(decision.get()));
        // The API's own validation of the command (lengths, limits): a form can carry nothing it would refuse.
        validator.validate(command).forEach(violation -> form.problem(fieldOf(violation.getPropertyPath().toString(),
                allocated, choiceOf(form)), FieldProblem.INVALID));
        if (form.refused()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(linePage(statement, lineId, form, false))
                    .build();
        }
        try {
            statements.reconcile(Idempotency.Request.post(caller.subject(), form.key(), uri.getPath(), command),
                    statement, command, caller.scope());
            return Response.seeOther(URI.create(HomePage.ROOT + "/bank-statements/" + statement + "/lines/" + lineId))
                    .build();
        } catch (ProblemException refused) {
            if (refused.type().status() == Response.Status.NOT_FOUND.getStatusCode()
                    || refused.type() == ProblemType.FORBIDDEN) {
                throw refused;
            }
            refused.errors().forEach(error -> form.problem(fieldOf(error.field(), allocated, choiceOf(form)),
                    FieldProblem.INVALID));
            form.refuse(refused.type());
            return Response.status(refused.type().status()).entity(linePage(statement, lineId, form, false)).build();
        }
    }

    /**
     * The decision the line's form makes, as the API takes it; empty, with the form's problems
     * noted, when what was typed is not one (the service checks the rest: the donor, the
     * allocation against the pledges, the payment or contribution not another line's).
     *
     * @param allocated filled with the form's rows sent as allocations, in order: the n-th
     *                  allocation of the decision is the row at n (to place the service's refusals)
     */
    private Optional<Reconcile.Decision> decision(UUID line, Form form, List<Integer> rows, Currency currency,
            List<Integer> allocated) {
        Choice choice = choiceOf(form);
        if (choice == null) {
            form.refuse(ProblemType.VALIDATION_FAILED);
            return Optional.empty();
        }
        String note = form.value(noteField(choice)).isBlank() ? null : form.value(noteField(choice));
        if (choice != Choice.CONTRIBUTION) {
            String field = choice == Choice.RECORDED ? "contributionId" : "paymentId";
            Optional<UUID> chosen = Ids.parse(form.value(field));
            if (chosen.isEmpty()) {
                form.problem(field, FieldProblem.REQUIRED);
                return Optional.empty();
            }
            return Optional.of(new Reconcile.Decision(line, Reconcile.Action.ACCEPT, null, null, null, null,
                    choice == Choice.PAYMENT ? chosen.get() : null, choice == Choice.RECORDED ? chosen.get() : null,
                    note));
        }
        Optional<UUID> donor = Ids.parse(form.value("donorId"));
        if (donor.isEmpty()) {
            form.problem("donorId", FieldProblem.REQUIRED);
        }
        List<RecordContribution.AllocationInput> allocations = new ArrayList<>();
        for (int row : rows) {
            String typed = form.value(allocation(row));
            if (typed.isBlank()) {
                continue;
            }
            Optional<Long> minor = screen.fmt().amountMinor(typed, currency);
            Optional<PledgeLine> pledge = PledgeLine.parse(form.value(pledgeField(row)));
            if (minor.isEmpty() || minor.get() < 0 || pledge.isEmpty()) {
                form.problem(allocation(row), FieldProblem.NOT_AN_AMOUNT);
            } else if (minor.get() > 0) {
                allocations.add(new RecordContribution.AllocationInput(pledge.get().pledgeId(),
                        pledge.get().instalment(), minor.get()));
                allocated.add(row);
            }
        }
        if (form.refused()) {
            return Optional.empty();
        }
        String fund = form.value("fund").isBlank() ? null : form.value("fund");
        return Optional.of(new Reconcile.Decision(line, Reconcile.Action.ACCEPT, donor.get(), fund, allocations, null,
                null, null, note));
    }

    /** A pledge line of the form, as its hidden field carries it: {@code <pledgeId>} or {@code <pledgeId>/<instalment>}. */
    record PledgeLine(UUID pledgeId, Short instalment) {

        static Optional<PledgeLine> parse(String value) {
            int slash = value.indexOf('/');
            Optional<UUID> pledge = Ids.parse(slash < 0 ? value : value.substring(0, slash));
            if (pledge.isEmpty()) {
                return Optional.empty();
            }
            if (slash < 0) {
                return Optional.of(new PledgeLine(pledge.get(), null));
            }
            String number = value.substring(slash + 1);
            if (!number.matches("[1-9]\\d{0,3}")) {
                return Optional.empty();
            }
            return Optional.of(new PledgeLine(pledge.get(), Short.valueOf(number)));
        }

        String field() {
            return pledgeId + (instalment == null ? "" : "/" + instalment);
        }
    }

    /** The form's field a refusal of the line's decision names ({@code lines[0].allocations[1].amountMinor}). */
    static String fieldOf(String refused, List<Integer> allocated, Choice choice) {
        String field = refused.startsWith("lines[0]") ? refused.substring("lines[0]".length()) : refused;
        field = field.startsWith(".") ? field.substring(1) : field;
        java.util.regex.Matcher allocation = java.util.regex.Pattern.compile("^allocations\\[(\\d{1,5})]")
                .matcher(field);
        if (allocation.find()) {
            int index = Integer.parseInt(allocation.group(1));
            return index < allocated.size() ? allocation(allocated.get(index)) : "allocations";
        }
        return field.equals("reason") && choice != null ? noteField(choice) : field;
    }

    /** The choice a line's form was sent for, if it is one. */
    static Choice choiceOf(Form form) {
        return Arrays.stream(Choice.values()).filter(c -> c.name().equals(form.value("choice"))).findFirst()
                .orElse(null);
    }

    static String noteField(Choice choice) {
        return "note." + choice.name();
    }

    /** The index of the decision a refused field names ({@code lines[3].reason} is 3). */
    private static java.util.Optional<Integer> lineOf(String field) {
        java.util.regex.Matcher index = java.util.regex.Pattern.compile("^lines\\[(\\d{1,5})]").matcher(field);
        return index.find() ? java.util.Optional.of(Integer.parseInt(index.group(1))) : java.util.Optional.empty();
    }

    private TemplateInstance listPage(Form form) {
        return screen.render(Templates.bankStatements(screen, statements.recent(caller.scope()), form));
    }

    private TemplateInstance statementPage(UUID id, String after, Form form, Map<UUID, Integer> refusedLines) {
        StatementViews.StatementView statement = statements.get(id, caller.scope());
        Page<StatementViews.LineView> lines = statements.lines(id, null,
                PageRequest.of(Integer.toString(LINES_PER_PAGE), after), caller.scope());
        return screen.render(Templates.bankStatement(screen, new StatementPage(statement, lines, form, refusedLines)));
    }

    private TemplateInstance linePage(UUID statementId, UUID lineId, Form form, boolean proposeAllocation) {
        StatementViews.Heading statement = statements.heading(statementId, caller.scope());
        StatementViews.LineChoices choices = statements.choices(statementId, lineId, caller.has(Roles.FINANCE),
                caller.scope());
        StatementViews.LineView line = choices.line();
        List<DonorView> owing = List.of();
        List<DonorView> known = List.of();
        String fund = null;
        DonorView donor = null;
        List<AllocationProposal.Line> outstanding = List.of();
        boolean credit = line.status() == StatementViews.LineStatus.OPEN && line.direction() == BankFile.Direction.CREDIT
                && !line.reversal();
        if (caller.has(Roles.FINANCE) && credit) {
            owing = donors.getAll(choices.owingDonors(), caller.seesPersonalData()).values().stream()
                    .sorted(java.util.Comparator.comparing(BankPages::nameOf)).toList();
            Set<UUID> owingIds = owing.stream().map(DonorView::id).collect(java.util.stream.Collectors.toSet());
            known = donors.list(HomePage.FIRST_200, null, caller.seesPersonalData()).items().stream()
                    .filter(d -> !owingIds.contains(d.id())).toList();
            fund = choices.funds().contains(form.value("fund")) ? form.value("fund")
                    : choices.funds().size() == 1 ? choices.funds().get(0) : null;
            if (form.value("donorId").isEmpty() && line.proposal().donorId() != null) {
                form.with("donorId", line.proposal().donorId().toString());
            }
            donor = Ids.parse(form.value("donorId")).flatMap(this::donor).orElse(null);
            if (donor != null) {
                UUID chosen = donor.id();
                if (Stream.concat(owing.stream(), known.stream()).noneMatch(d -> d.id().equals(chosen))) {
                    // Beyond the first 200 (typed in the address, or proposed): still the one chosen.
                    known = Stream.concat(Stream.of(donor), known.stream()).toList();
                }
                if (fund != null) {
                    outstanding = AllocationProposal.outstanding(pledges.list(fund, donor.id(), null,
                            FundPage.FIRST_PAGE, caller.scope()).items());
                    // As many as one contribution allocates: the earliest due.
                    outstanding = outstanding.subList(0, Math.min(outstanding.size(), RecordContribution.ALLOCATIONS_MAX));
                }
            }
            for (int row = 0; row < outstanding.size(); row++) {
                form.with(pledgeField(row), new PledgeLine(outstanding.get(row).pledgeId(),
                        outstanding.get(row).instalmentNumber()).field());
            }
            if (proposeAllocation) {
                Currency currency = Currency.getInstance(line.amount().currency());
                List<Long> proposed = AllocationProposal.fill(line.amount().amountMinor(), outstanding);
                for (int row = 0; row < proposed.size(); row++) {
                    form.with(allocation(row), proposed.get(row) == 0 ? ""
                            : screen.fmt().typed(proposed.get(row), currency));
                }
            }
        }
        Map<UUID, String> names = new HashMap<>();
        donors.getAll(choices.contributions().stream().map(c -> c.donorId()).distinct().toList(),
                caller.seesPersonalData()).values().forEach(d -> names.put(d.id(), nameOf(d)));
        return screen.render(Templates.bankLine(screen, new LinePage(statement, choices, owing, known, fund, donor,
                outstanding, names, form)));
    }

    /** A donor to show, if there is one with this id (a page's choice, typed in its address). */
    private Optional<DonorView> donor(UUID id) {
        try {
            return Optional.of(donors.get(id, caller.seesPersonalData()));
        } catch (ProblemException unknown) {
            return Optional.empty();
        }
    }

    /** A donor as a choice names it: its name, or its auxiliary account when the caller may not see names. */
    static String nameOf(DonorView donor) {
        return donor.name() == null ? donor.auxiliaryAccount() : donor.name();
    }

    static String allocation(int row) {
        return "allocation." + row;
    }

    static String pledgeField(int row) {
        return "pledge." + row;
    }

    private static UUID lineId(String id) {
        return Ids.require(id, org.solidarityfunds.problem.ProblemType.BANK_STATEMENT_NOT_FOUND, "bank statement line");
    }

    private static UUID statementId(String id) {
        return Ids.require(id, org.solidarityfunds.problem.ProblemType.BANK_STATEMENT_NOT_FOUND, "bank statement");
    }
}
