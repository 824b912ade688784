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
import java.net.URI;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.committee.CommitteeService;
import org.solidarityfunds.committee.CommitteeView;
import org.solidarityfunds.disbursement.CancelDisbursement;
import org.solidarityfunds.disbursement.CastVote;
import org.solidarityfunds.disbursement.DisbursementService;
import org.solidarityfunds.disbursement.DisbursementStatus;
import org.solidarityfunds.disbursement.DisbursementView;
import org.solidarityfunds.disbursement.PayDisbursement;
import org.solidarityfunds.disbursement.RequestDisbursement;
import org.solidarityfunds.disbursement.VoteChoice;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.fund.FundView;
import org.solidarityfunds.idempotency.Answer;
import org.solidarityfunds.idempotency.Idempotency;
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
            Form vote, Form payment, Form cancellation) {

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
    public record Awaiting(FundView fund, List<DisbursementView> requests) {
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
    private final CommandReader reader;
    private final FormGuard guard;
    private final Caller caller;
    private final Screen screen;

    DisbursementPages(DisbursementService disbursements, FundService funds, LedgerService ledger,
            CommitteeService committees, CommandReader reader, FormGuard guard, Caller caller, Screen screen) {
        this.disbursements = disbursements;
        this.funds = funds;
        this.ledger = ledger;
        this.committees = committees;
        this.reader = reader;
        this.guard = guard;
        this.caller = caller;
        this.screen = screen;
    }

    @GET
    @Path("votes")
    @RolesAllowed(Roles.COMMITTEE)
    @Operation(hidden = true)
    public TemplateInstance awaiting() {
        List<String> codes = caller.scope().codes().map(List::copyOf).orElseGet(() -> funds.list(
                HomePage.ALL_FUNDS, caller.scope()).items().stream().map(FundView::code).toList());
        List<Awaiting> waiting = new ArrayList<>();
        for (String code : codes.stream().sorted().toList()) {
            List<DisbursementView> requests = disbursements.awaitingVoteOf(code, caller.subject(), caller.scope());
            if (!requests.isEmpty()) {
                waiting.add(new Awaiting(funds.get(code, caller.scope()), requests));
            }
        }
        return screen.render(Templates.awaitingVotes(screen, waiting));
    }

    @GET
    @Path("disbursements/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("id") String id) {
        return render(disbursementId(id), Form.fresh(), Form.fresh(), Form.fresh());
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
        guard.verify(sent.getFirst(FormGuard.FIELD));
        FundView fund = funds.get(code, caller.scope());
        Form form = Form.sent(sent.getFirst("key"), fields(sent, "beneficiary.name", "beneficiary.country", "purpose",
                "amount"));
        ObjectNode command = reader.tree();
        command.putObject("beneficiary").put("name", form.value("beneficiary.name"))
                .put("country", form.value("beneficiary.country").strip().toUpperCase(java.util.Locale.ROOT));
        command.put("purpose", form.value("purpose"));
        amount(command, "amount", form, Currency.getInstance(fund.currency()));
        return send(form, command, RequestDisbursement.class,
                c -> disbursements.request(request(form, uri, c), code, c, caller.scope()),
                answer -> idFromLocation(answer.location()),
                f -> screen.render(Templates.disbursementRequest(screen, fund, f)));
    }

    @POST
    @Path("disbursements/{id}/votes")
    @RolesAllowed(Roles.COMMITTEE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response vote(@PathParam("id") String id, MultivaluedMap<String, String> sent, UriInfo uri) {
        guard.verify(sent.getFirst(FormGuard.FIELD));
        UUID disbursement = disbursementId(id);
        Form form = Form.sent(sent.getFirst("key"), fields(sent, "vote", "comment", "minutesReference"));
        ObjectNode command = reader.tree();
        text(command, "vote", form);
        text(command, "comment", form);
        text(command, "minutesReference", form);
        return send(form, command, CastVote.class,
                c -> disbursements.vote(request(form, uri, c), disbursement, c, caller.scope()),
                answer -> disbursement, f -> render(disbursement, f, Form.fresh(), Form.fresh()));
    }

    @POST
    @Path("disbursements/{id}/payment")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response pay(@PathParam("id") String id, MultivaluedMap<String, String> sent, UriInfo uri) {
        guard.verify(sent.getFirst(FormGuard.FIELD));
        UUID disbursement = disbursementId(id);
        Form form = Form.sent(sent.getFirst("key"), fields(sent, "paymentReference", "paidOn"));
        ObjectNode command = reader.tree();
        text(command, "paymentReference", form);
        text(command, "paidOn", form);
        return send(form, command, PayDisbursement.class,
                c -> disbursements.pay(request(form, uri, c), disbursement, c, caller.scope()),
                answer -> disbursement, f -> render(disbursement, Form.fresh(), f, Form.fresh()));
    }

    @POST
    @Path("disbursements/{id}/cancellation")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response cancel(@PathParam("id") String id, MultivaluedMap<String, String> sent, UriInfo uri) {
        guard.verify(sent.getFirst(FormGuard.FIELD));
        UUID disbursement = disbursementId(id);
        Form form = Form.sent(sent.getFirst("key"), fields(sent, "reason"));
        ObjectNode command = reader.tree();
        text(command, "reason", form);
        return send(form, command, CancelDisbursement.class,
                c -> disbursements.cancel(request(form, uri, c), disbursement, c, caller.scope()),
                answer -> disbursement, f -> render(disbursement, Form.fresh(), Form.fresh(), f));
    }

    private TemplateInstance render(UUID id, Form vote, Form payment, Form cancellation) {
        DisbursementView disbursement = disbursements.get(id, caller.scope(), caller.seesVotes());
        FundView fund = funds.get(disbursement.fundCode(), caller.scope());
        boolean open = disbursement.status() == DisbursementStatus.REQUESTED
                || disbursement.status() == DisbursementStatus.APPROVED;
        boolean mayVote = caller.has(Roles.COMMITTEE)
                && disbursements.voteRefusal(id, caller.subject(), caller.scope()).isEmpty();
        View view = new View(disbursement, fund, ledger.balances(fund.code(), caller.scope()),
                committee(fund.code()), mayVote,
                caller.has(Roles.FINANCE) && disbursement.status() == DisbursementStatus.APPROVED,
                caller.has(Roles.FINANCE) && open, vote, payment, cancellation);
        return screen.render(Templates.disbursement(screen, view));
    }

    /**
     * Reads the form into the command and sends it: to the disbursement's page when done (or
     * replayed), back to the form with its problems, and the same key, when refused.
     */
    private <T> Response send(Form form, ObjectNode fields, Class<T> type, Function<T, Answer<?>> command,
            Function<Answer<?>, UUID> shown, Function<Form, TemplateInstance> again) {
        Optional<T> read = reader.read(fields, type, form);
        if (read.isEmpty() || form.refused()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(again.apply(form)).build();
        }
        try {
            Answer<?> answer = command.apply(read.get());
            return Response.seeOther(URI.create(HomePage.ROOT + "/disbursements/" + shown.apply(answer))).build();
        } catch (ProblemException refused) {
            if (refused.type().status() == Response.Status.NOT_FOUND.getStatusCode()
                    || refused.type() == ProblemType.FORBIDDEN) {
                throw refused;
            }
            CommandReader.refused(form, refused);
            return Response.status(refused.type().status()).entity(again.apply(form)).build();
        }
    }

    private Idempotency.Request request(Form form, UriInfo uri, Object command) {
        return Idempotency.Request.post(caller.subject(), form.key(), uri.getPath(), command);
    }

    private Optional<CommitteeView> committee(String code) {
        try {
            return Optional.of(committees.get(code, caller.scope()));
        } catch (ProblemException e) {
            if (e.type() == ProblemType.COMMITTEE_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** An amount typed in the reader's way, put as the API's minor units; a problem on the form if it is not one. */
    private void amount(ObjectNode command, String field, Form form, Currency currency) {
        String typed = form.value(field);
        if (typed.isBlank()) {
            form.problem(field, FieldProblem.REQUIRED);
            return;
        }
        screen.fmt().amountMinor(typed, currency).ifPresentOrElse(
                minor -> command.putObject(field).put("amountMinor", minor).put("currency", currency.getCurrencyCode()),
                () -> form.problem(field, FieldProblem.NOT_AN_AMOUNT));
    }

    /** A text field; left empty, it is absent, and the command's own rules say whether it is needed. */
    private static void text(ObjectNode command, String field, Form form) {
        String value = form.value(field);
        if (!value.isBlank()) {
            command.put(field, value);
        }
    }

    private static Map<String, String> fields(MultivaluedMap<String, String> sent, String... names) {
        Map<String, String> values = new HashMap<>();
        for (String name : names) {
            String value = sent.getFirst(name);
            values.put(name, value == null ? "" : value);
        }
        return values;
    }

    private static UUID disbursementId(String id) {
        return Ids.require(id, ProblemType.DISBURSEMENT_NOT_FOUND, "disbursement");
    }

    private static UUID idFromLocation(String location) {
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }
}
