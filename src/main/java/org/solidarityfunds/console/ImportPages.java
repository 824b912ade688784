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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.contribution.ContributionService;
import org.solidarityfunds.contribution.RecordContribution;
import org.solidarityfunds.contribution.RecordContributions;
import org.solidarityfunds.donor.DonorService;
import org.solidarityfunds.donor.DonorView;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.fund.FundView;
import org.solidarityfunds.idempotency.Idempotency;
import org.solidarityfunds.money.Currencies;
import org.solidarityfunds.money.Money;
import org.solidarityfunds.problem.ProblemException;

/**
 * Importing a bank statement's contributions (the batch endpoint's JSON: docs/guides): upload
 * the file, see every line with its donor, the amount credited and its allocation, and every
 * problem beside its line; then confirm, and all the lines are recorded together or none is
 * (the batch endpoint's rules, under one Idempotency-Key made when the preview was drawn).
 */
@Path(HomePage.ROOT)
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public class ImportPages {

    /** One line of the statement as the preview shows it. */
    public record Line(int number, RecordContribution contribution, String donor, Money received, Money credited,
            FieldProblem problem) {
    }

    /** The preview: the lines, the statement to send again on confirmation, and what is wrong. */
    public record Preview(FundView fund, List<Line> lines, String statement, Form form) {

        public boolean confirmable() {
            return !lines.isEmpty() && !form.refused();
        }

        public String field(int line) {
            return ImportPages.line(line);
        }
    }

    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance importUpload(Screen screen, FundView fund, Form form);

        static native TemplateInstance importPreview(Screen screen, Preview preview);
    }

    private final ContributionService contributions;
    private final DonorService donors;
    private final FundService funds;
    private final CommandReader reader;
    private final FormGuard guard;
    private final Caller caller;
    private final Screen screen;

    ImportPages(ContributionService contributions, DonorService donors, FundService funds, CommandReader reader,
            FormGuard guard, Caller caller, Screen screen) {
        this.contributions = contributions;
        this.donors = donors;
        this.funds = funds;
        this.reader = reader;
        this.guard = guard;
        this.caller = caller;
        this.screen = screen;
    }

    @GET
    @Path("funds/{code}/contributions/import")
    @RolesAllowed(Roles.FINANCE)
    @Operation(hidden = true)
    public TemplateInstance upload(@PathParam("code") String code) {
        return screen.render(Templates.importUpload(screen, funds.get(code, caller.scope()), Form.fresh()));
    }

    @POST
    @Path("funds/{code}/contributions/import/preview")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response preview(@PathParam("code") String code, @RestForm(FormGuard.FIELD) String csrf,
            @RestForm("statement") FileUpload statement) {
        guard.verify(csrf);
        FundView fund = funds.get(code, caller.scope());
        Form form = Form.fresh();
        byte[] file;
        try {
            file = statement == null ? new byte[0] : Files.readAllBytes(statement.uploadedFile());
        } catch (IOException unreadable) {
            file = new byte[0];
        }
        if (file.length == 0) {
            form.with("statement", "").problem("statement", FieldProblem.REQUIRED);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(screen.render(Templates.importUpload(screen, fund, form))).build();
        }
        Preview preview = preview(fund, new String(file, StandardCharsets.UTF_8), file, form);
        return Response.status(preview.confirmable() ? Response.Status.OK : Response.Status.BAD_REQUEST)
                .entity(screen.render(Templates.importPreview(screen, preview))).build();
    }

    @POST
    @Path("funds/{code}/contributions/import")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response confirm(@PathParam("code") String code, MultivaluedMap<String, String> sent, UriInfo uri) {
        guard.verify(sent.getFirst(FormGuard.FIELD));
        FundView fund = funds.get(code, caller.scope());
        String statement = Optional.ofNullable(sent.getFirst("statement")).orElse("");
        Form form = Form.sent(sent.getFirst("key"), Map.of());
        Preview preview = preview(fund, statement, statement.getBytes(StandardCharsets.UTF_8), form);
        if (!preview.confirmable()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(screen.render(Templates.importPreview(screen, preview))).build();
        }
        RecordContributions command = new RecordContributions(preview.lines().stream().map(Line::contribution).toList());
        try {
            contributions.recordBatch(Idempotency.Request.post(caller.subject(), form.key(), uri.getPath(), command),
                    code, command, caller.scope());
        } catch (ProblemException refused) {
            if (refused.type().status() == Response.Status.NOT_FOUND.getStatusCode()
                    && refused.type() != org.solidarityfunds.problem.ProblemType.DONOR_NOT_FOUND
                    && refused.type() != org.solidarityfunds.problem.ProblemType.PLEDGE_NOT_FOUND) {
                throw refused;
            }
            CommandReader.refused(form, refused);
            Preview refusedPreview = new Preview(fund, preview.lines(), statement, form);
            return Response.status(refused.type().status())
                    .entity(screen.render(Templates.importPreview(screen, refusedPreview))).build();
        }
        return Response.seeOther(java.net.URI.create(HomePage.ROOT + "/funds/" + code + "#contributions")).build();
    }

    /** Every line of the statement, with its donor, the amounts and its problem; the form's problems noted. */
    private Preview preview(FundView fund, String text, byte[] file, Form form) {
        List<RecordContribution> read = List.of();
        Map<String, String> lineFields = new HashMap<>();
        for (int i = 0; i < RecordContributions.CONTRIBUTIONS_MAX; i++) {
            lineFields.put(line(i), "");
        }
        Form lines = Form.sent(form.key(), lineFields);
        Optional<RecordContributions> statement = reader.read(file, RecordContributions.class, lines);
        if (lines.refusal() != null) {
            form.refuse(lines.refusal());
        }
        lines.problems().forEach(form::problem);
        if (statement.isPresent()) {
            read = statement.get().contributions();
        } else {
            // The lines that could be read, to show each with its problem: the file's lines one by one.
            read = readLineByLine(file, lines);
        }
        Set<UUID> donorIds = new HashSet<>();
        read.forEach(c -> {
            if (c != null && c.donorId() != null) {
                donorIds.add(c.donorId());
            }
        });
        Map<UUID, DonorView> known = donors.getAll(donorIds, caller.seesPersonalData());
        Currency fundCurrency = Currency.getInstance(fund.currency());
        List<Line> shown = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            RecordContribution contribution = read.get(i);
            FieldProblem problem = lines.problem(line(i));
            if (contribution == null) {
                shown.add(new Line(i + 1, null, "", null, null, problem == null ? FieldProblem.INVALID : problem));
                continue;
            }
            DonorView donor = contribution.donorId() == null ? null : known.get(contribution.donorId());
            if (donor == null && problem == null) {
                problem = FieldProblem.INVALID;
                form.problem(line(i), FieldProblem.INVALID);
            }
            Money received = null;
            Money credited = null;
            if (contribution.amount() != null && contribution.amount().amountMinor() != null) {
                Optional<Currency> currency = Currencies.find(contribution.amount().currency());
                if (currency.isPresent()) {
                    received = new Money(contribution.amount().amountMinor(), currency.get());
                    credited = contribution.exchangeRate() == null || currency.get().equals(fundCurrency) ? received
                            : received.convertedAt(contribution.exchangeRate(), fundCurrency);
                }
            }
            shown.add(new Line(i + 1, contribution, donor == null ? "" : donor.name() == null ? donor.auxiliaryAccount()
                    : donor.name(), received, credited, problem));
        }
        return new Preview(fund, shown, text, form);
    }

    /** Each line of a statement that did not read whole, read on its own so that the good ones still show. */
    private List<RecordContribution> readLineByLine(byte[] file, Form lines) {
        List<RecordContribution> read = new ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode all = reader.tree(file).map(tree -> tree.get("contributions"))
                .orElse(null);
        if (all == null || !all.isArray()) {
            return read;
        }
        for (int i = 0; i < Math.min(all.size(), RecordContributions.CONTRIBUTIONS_MAX); i++) {
            Form one = Form.fresh();
            read.add(all.get(i) instanceof com.fasterxml.jackson.databind.node.ObjectNode object
                    ? reader.read(object, RecordContribution.class, one).orElse(null) : null);
            if (one.refused()) {
                lines.problem(line(i), FieldProblem.INVALID);
            }
        }
        return read;
    }

    static String line(int index) {
        return "contributions[" + index + "]";
    }
}
