package org.solidarityfunds.console;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.committee.CommitteeService;
import org.solidarityfunds.committee.CommitteeView;
import org.solidarityfunds.disbursement.CancelDisbursement;
import org.solidarityfunds.disbursement.CastVote;
import org.solidarityfunds.disbursement.DisbursementService;
import org.solidarityfunds.disbursement.DisbursementStatus;
import org.solidarityfunds.disbursement.DisbursementView;
import org.solidarityfunds.disbursement.RecordPayment;
import org.solidarityfunds.disbursement.ReleaseRemainder;
import org.solidarityfunds.disbursement.RequestDisbursement;
import org.solidarityfunds.disbursement.VoteChoice;
import org.solidarityfunds.document.DocumentKind;
import org.solidarityfunds.document.DocumentService;
import org.solidarityfunds.document.DocumentView;
import org.solidarityfunds.document.Downloads;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.money.Currencies;
import org.solidarityfunds.fund.FundView;
import org.solidarityfunds.ledger.BalanceView;
import org.solidarityfunds.ledger.LedgerService;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;
import org.solidarityfunds.web.Ids;
/**
 * Disbursements in the console: a request to the committee, "awaiting my vote", a request's
 * page with its votes, and the vote, payment and cancellation forms. Each form is the API's
 * command, read by {@link CommandReader}, sent with the Idempotency-Key made when the form
 * was first rendered; a success answers 303 to the disbursement's page, so that reloading
 * it never sends the form again, and sending the same form twice replays the first answer.
 */
@Path(HomePage.ROOT)
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public class DisbursementPages {

    /** A request's page: the request, its fund's money, its committee, and what the reader may do with it. */
    public record View(DisbursementView disbursement, FundView fund, BalanceView balance,
            Optional<CommitteeView> committee, boolean mayVote, boolean mayPay, boolean mayCancel,
            boolean mayRelease, List<DocumentView> documents, List<DocumentKind> attachable, Form vote, Form payment,
            Form cancellation, Form release, Form attachment) {

        /** Whether the reader may attach a document: finance and committee members, when one fits. */
        public boolean mayAttach() {
            return !attachable.isEmpty();
        }

        /** The currencies a transfer commonly goes out in, the fund's first: those of the funds' beneficiaries. */
        public List<String> currencies() {
            List<String> currencies = new ArrayList<>(ContributionPages.CURRENCIES);
            currencies.remove(fund.currency());
            return currencies;
        }

        public List<VoteChoice> choices() {
            return List.of(VoteChoice.values());
        }

        public long votesCast() {
            return disbursement.votes() == null ? 0 : disbursement.votes().size();
        }

        /** Votes still missing for the quorum: what a member sees as "still needed". */
        public long votesToQuorum() {
            return committee.map(c -> Math.max(0, c.quorum() - votesCast())).orElse(0L);
        }
    }

    /** A fund's requests that wait for the reader's vote. */
    public record Awaiting(FundView fund, List<Request> requests) {
    }

    /**
     * A request awaiting the reader's vote, its amount and "requested by ... on ..." written
     * for the reader beforehand: the page lists up to 200, and a message with arguments,
     * resolved in the template, costs more than the rest of its row (docs/operating/performance.md,
     * "The console").
     */
    public record Request(DisbursementView disbursement, String amount, String requested) {

        static Request of(DisbursementView d, Formats fmt, Labels.Words words) {
            return new Request(d, fmt.money(d.amount()), words.requestedBy(d.requestedBy(),
                    fmt.dateTime(d.requestedAt())));
        }
    }

    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance disbursement(Screen screen, View view);

        static native TemplateInstance disbursementRequest(Screen screen, FundView fund, Form form);

        static native TemplateInstance awaitingVotes(Screen screen, List<Awaiting> funds);
    }

    private final DisbursementService disbursements;
    private final FundService funds;
    private final LedgerService ledger;
    private final CommitteeService committees;
    private final Submissions submissions;
    private final Caller caller;
    private final Screen screen;
    private final DocumentService documents;
    private final FormGuard guard;
    private final PageReads reads;

    DisbursementPages(DisbursementService disbursements, FundService funds, LedgerService ledger,
            CommitteeService committees, Submissions submissions, Caller caller, Screen screen,
            DocumentService documents, FormGuard guard, PageReads reads) {
        this.reads = reads;
        this.documents = documents;
        this.guard = guard;
        this.disbursements = disbursements;
        this.funds = funds;
        this.ledger = ledger;
        this.committees = committees;
        this.submissions = submissions;
        this.caller = caller;
        this.screen = screen;
    }

    @GET
    @Path("votes")
    @RolesAllowed(Roles.COMMITTEE)
    @Operation(hidden = true)
    public TemplateInstance awaiting() {
        Formats fmt = screen.fmt();
        Labels.Words words = screen.words();
        return screen.render(Templates.awaitingVotes(screen, reads.of(() -> {
            Map<String, List<Request>> byFund = disbursements.awaitingVoteOf(caller.subject(), caller.scope()).stream()
                    .collect(Collectors.groupingBy(DisbursementView::fundCode, TreeMap::new,
                            Collectors.mapping(d -> Request.of(d, fmt, words), Collectors.toList())));
            List<Awaiting> waiting = new ArrayList<>();
            if (!byFund.isEmpty()) {
                funds.list(HomePage.FIRST_200, caller.scope()).items().stream()
                        .filter(f -> byFund.containsKey(f.code())).sorted(Comparator.comparing(FundView::code))
                        .forEach(fund -> waiting.add(new Awaiting(fund, byFund.get(fund.code()))));
            }
            return waiting;
        })));
    }

    @GET
    @Path("disbursements/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("id") String id) {
        return render(disbursementId(id), Form.fresh(), Form.fresh(), Form.fresh(), Form.fresh(), Form.fresh());
    }

    @GET
    @Path("funds/{code}/disbursements/new")
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE})
    @Operation(hidden = true)
    public TemplateInstance requestForm(@PathParam("code") String code) {
        return screen.render(Templates.disbursementRequest(screen, funds.get(code, caller.scope()), Form.fresh()));
    }

    @POST
    @Path("funds/{code}/disbursements")
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response request(@PathParam("code") String code, MultivaluedMap<String, String> sent, UriInfo uri) {
        Form form = submissions.received(sent, "beneficiary.name", "beneficiary.country", "purpose", "amount");
        FundView fund = funds.get(code, caller.scope());
        ObjectNode command = submissions.command();
        command.putObject("beneficiary").put("name", form.value("beneficiary.name"))
                .put("country", form.value("beneficiary.country").strip().toUpperCase(java.util.Locale.ROOT));
        Submissions.text(command, "purpose", form);
        submissions.amount(command, "amount", form, Currency.getInstance(fund.currency()));
        return submissions.send(form, command, RequestDisbursement.class, uri,
                (request, c) -> disbursements.request(request, code, c, caller.scope()),
                answer -> pageOf(Submissions.lastSegment(answer.location())),
                f -> screen.render(Templates.disbursementRequest(screen, fund, f)));
    }

    @POST
    @Path("disbursements/{id}/votes")
    @RolesAllowed(Roles.COMMITTEE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response vote(@PathParam("id") String id, MultivaluedMap<String, String> sent, UriInfo uri) {
        Form form = submissions.received(sent, "vote", "comment", "minutesReference");
        UUID disbursement = disbursementId(id);
        ObjectNode command = submissions.command();
        Submissions.text(command, "vote", form);
        Submissions.text(command, "comment", form);
        Submissions.text(command, "minutesReference", form);
        return submissions.send(form, command, CastVote.class, uri,
                (request, c) -> disbursements.vote(request, disbursement, c, caller.scope()),
                answer -> pageOf(disbursement.toString()),
                f -> render(disbursement, f, Form.fresh(), Form.fresh(), Form.fresh(), Form.fresh()));
    }

    /** The payment form's fields: the API's RecordPayment's, so that what it refuses lands on the field typed. */
    static final String[] PAYMENT_FIELDS = {"paidOn", "reference", "amount", "beneficiaryAccount.iban",
        "beneficiaryAccount.accountNumber", "beneficiaryAccount.bic", "foreignAmount", "foreignAmount.currency",
        "exchangeRate", "commitmentSettledMinor", "chargesMinor"};

    @POST
    @Path("disbursements/{id}/payments")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response pay(@PathParam("id") String id, MultivaluedMap<String, String> sent, UriInfo uri) {
        Form form = submissions.received(sent, PAYMENT_FIELDS);
        UUID disbursement = disbursementId(id);
        Currency currency = Currency.getInstance(disbursements.get(disbursement, caller.scope(), false).amount()
                .currency());
        ObjectNode command = submissions.command();
        submissions.day(command, "paidOn", form);
        Submissions.text(command, "reference", form);
        submissions.amount(command, "amount", form, currency);
        ObjectNode account = command.objectNode();
        for (String part : List.of("iban", "accountNumber", "bic")) {
            String typed = form.value("beneficiaryAccount." + part);
            if (!typed.isBlank()) {
                account.put(part, typed);
            }
        }
        if (!account.isEmpty()) {
            command.set("beneficiaryAccount", account);
        }
        if (!form.value("foreignAmount").isBlank() || !form.value("exchangeRate").isBlank()) {
            Optional<Currency> foreign = Currencies.find(form.value("foreignAmount.currency"));
            if (foreign.isEmpty()) {
                form.problem("foreignAmount.currency", FieldProblem.INVALID);
            } else {
                submissions.amount(command, "foreignAmount", form, foreign.get());
            }
            if (form.value("exchangeRate").isBlank()) {
                form.problem("exchangeRate", FieldProblem.REQUIRED);
            } else {
                screen.fmt().decimal(form.value("exchangeRate")).filter(rate -> rate.signum() > 0).ifPresentOrElse(
                        rate -> command.put("exchangeRate", rate), () -> form.problem("exchangeRate",
                                FieldProblem.INVALID));
            }
        }
        optionalMinor(form, "commitmentSettledMinor", currency).ifPresent(
                minor -> command.put("commitmentSettledMinor", minor));
        optionalMinor(form, "chargesMinor", currency).ifPresent(minor -> command.put("chargesMinor", minor));
        return submissions.send(form, command, RecordPayment.class, uri,
                (request, c) -> disbursements.recordPayment(request, disbursement, c, caller.scope()),
                answer -> pageOf(disbursement.toString()),
                f -> render(disbursement, Form.fresh(), f, Form.fresh(), Form.fresh(), Form.fresh()));
    }

    @POST
    @Path("disbursements/{id}/remainder-release")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response release(@PathParam("id") String id, MultivaluedMap<String, String> sent, UriInfo uri) {
        Form form = submissions.received(sent, "reason");
        UUID disbursement = disbursementId(id);
        ObjectNode command = submissions.command();
        Submissions.text(command, "reason", form);
        return submissions.send(form, command, ReleaseRemainder.class, uri,
                (request, c) -> disbursements.releaseRemainder(request, disbursement, c, caller.scope()),
                answer -> pageOf(disbursement.toString()),
                f -> render(disbursement, Form.fresh(), Form.fresh(), Form.fresh(), f, Form.fresh()));
    }

    @POST
    @Path("disbursements/{id}/cancellation")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response cancel(@PathParam("id") String id, MultivaluedMap<String, String> sent, UriInfo uri) {
        Form form = submissions.received(sent, "reason");
        UUID disbursement = disbursementId(id);
        ObjectNode command = submissions.command();
        Submissions.text(command, "reason", form);
        return submissions.send(form, command, CancelDisbursement.class, uri,
                (request, c) -> disbursements.cancel(request, disbursement, c, caller.scope()),
                answer -> pageOf(disbursement.toString()),
                f -> render(disbursement, Form.fresh(), Form.fresh(), f, Form.fresh(), Form.fresh()));
    }

    /** An amount that may be left empty; a problem on the form when it is typed and is not one. */
    private Optional<Long> optionalMinor(Form form, String field, Currency currency) {
        return form.value(field).isBlank() ? Optional.empty() : submissions.minor(form, field, currency);
    }

    /** A document for the disbursement, sent as a file with its kind (and the payment an advice is of). */
    @POST
    @Path("disbursements/{id}/documents")
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response attach(@PathParam("id") String id, @RestForm(FormGuard.FIELD) String csrf,
            @RestForm("key") String key, @RestForm("kind") String kind, @RestForm("paymentId") String paymentId,
            @RestForm("file") FileUpload file, UriInfo uri) {
        guard.verify(csrf);
        UUID disbursement = disbursementId(id);
        Form form = Form.sent(key, Map.of("kind", kind == null ? "" : kind, "paymentId",
                paymentId == null ? "" : paymentId, "file", ""));
        Optional<DocumentKind> chosen = java.util.Arrays.stream(DocumentKind.values())
                .filter(k -> k.name().equals(kind)).findFirst();
        if (chosen.isEmpty()) {
            form.problem("kind", FieldProblem.REQUIRED);
        }
        byte[] bytes;
        try {
            bytes = file == null ? new byte[0] : Files.readAllBytes(file.uploadedFile());
        } catch (IOException unreadable) {
            bytes = new byte[0];
        }
        if (bytes.length == 0) {
            form.problem("file", FieldProblem.REQUIRED);
        }
        if (form.refused()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(render(disbursement, Form.fresh(), Form.fresh(), Form.fresh(), Form.fresh(), form)).build();
        }
        UUID payment = chosen.get() == DocumentKind.PAYMENT_ADVICE ? Ids.parse(paymentId).orElse(null) : null;
        try {
            documents.attach(caller.subject(), form.key(), uri.getPath(), disbursement, false, chosen.get(), payment,
                    file.fileName(), bytes, caller.scope());
            return Response.seeOther(java.net.URI.create(pageOf(disbursement.toString()))).build();
        } catch (ProblemException refused) {
            return Submissions.again(form, refused,
                    f -> render(disbursement, Form.fresh(), Form.fresh(), Form.fresh(), Form.fresh(), f));
        }
    }

    /** A document, as a download: the API's answer, headers and all. */
    @GET
    @Path("documents/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE, Roles.AUDITOR, Roles.ADMIN})
    @Produces(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response download(@PathParam("id") String id) {
        return Downloads.attachment(documents.download(Ids.require(id, ProblemType.DOCUMENT_NOT_FOUND, "document"),
                caller.scope(), DocumentService.readsPledges(caller)));
    }

    private TemplateInstance render(UUID id, Form vote, Form payment, Form cancellation, Form release,
            Form attachment) {
        DisbursementView disbursement = disbursements.get(id, caller.scope(), caller.seesVotes());
        FundView fund = funds.get(disbursement.fundCode(), caller.scope());
        boolean open = disbursement.status() == DisbursementStatus.REQUESTED
                || disbursement.status() == DisbursementStatus.APPROVED;
        boolean mayVote = caller.has(Roles.COMMITTEE)
                && disbursements.voteRefusal(id, caller.subject(), caller.scope()).isEmpty();
        View view = new View(disbursement, fund, ledger.balances(fund.code(), caller.scope()),
                committees.find(fund.code(), caller.scope()), mayVote,
                caller.has(Roles.FINANCE) && (disbursement.status() == DisbursementStatus.APPROVED
                        || disbursement.status() == DisbursementStatus.PARTLY_PAID),
                caller.has(Roles.FINANCE) && open,
                caller.has(Roles.FINANCE) && disbursement.status() == DisbursementStatus.PARTLY_PAID,
                documents.ofDisbursement(id, caller.scope()),
                caller.has(Roles.FINANCE) || caller.has(Roles.COMMITTEE) ? DocumentService.fitting(disbursement)
                        : List.of(),
                vote, payment, cancellation, release, attachment);
        return screen.render(Templates.disbursement(screen, view));
    }

    private static UUID disbursementId(String id) {
        return Ids.require(id, ProblemType.DISBURSEMENT_NOT_FOUND, "disbursement");
    }

    private static String pageOf(String id) {
        return HomePage.ROOT + "/disbursements/" + id;
    }
}
