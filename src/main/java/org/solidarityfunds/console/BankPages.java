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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.bankstatement.BankStatementService;
import org.solidarityfunds.bankstatement.Proposal;
import org.solidarityfunds.bankstatement.Reconcile;
import org.solidarityfunds.bankstatement.StatementViews;
import org.solidarityfunds.idempotency.Answer;
import org.solidarityfunds.idempotency.Idempotency;
import org.solidarityfunds.persistence.Page;
import org.solidarityfunds.persistence.PageRequest;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.web.Ids;

/**
 * The bank's statements for finance, auditors and administrators: the latest staged
 * statements; a file staged by finance (the API's staging, its problems on the form); a
 * statement with its balances, the ledger's bank balance beside its closing balance, and its
 * lines with what is proposed for each and why. Finance accepts, dismisses or leaves open each
 * open line and confirms them together (the API's reconciliation, all or nothing, under the
 * Idempotency-Key made when the page was drawn). Changing a line's donor or allocation is done
 * through the API for now.
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

    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance bankStatements(Screen screen, List<StatementViews.StatementSummary> statements,
                Form form);

        static native TemplateInstance bankStatement(Screen screen, StatementPage page);
    }

    private final BankStatementService statements;
    private final FormGuard guard;
    private final Caller caller;
    private final Screen screen;

    BankPages(BankStatementService statements, FormGuard guard, Caller caller, Screen screen) {
        this.statements = statements;
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

    private static UUID statementId(String id) {
        return Ids.require(id, org.solidarityfunds.problem.ProblemType.BANK_STATEMENT_NOT_FOUND, "bank statement");
    }
}
