package org.solidarityfunds.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.accounting.AccountingCsv;
import org.solidarityfunds.accounting.AccountingService;
import org.solidarityfunds.accounting.JournalExport;
import org.solidarityfunds.common.Clocks;
import org.solidarityfunds.fiscalyear.ClosingStep;
import org.solidarityfunds.fiscalyear.FiscalYearService;
import org.solidarityfunds.fiscalyear.FiscalYearStatus;
import org.solidarityfunds.fiscalyear.FiscalYearView;
import org.solidarityfunds.web.Conditional;
import org.solidarityfunds.web.StreamedBody;

/**
 * The accounting years for finance, auditors and administrators: each year with its status and
 * who asked for and confirmed its closing; the steps of a closing each may take (finance asks,
 * someone else among the auditors and administrators confirms, either withdraws a request),
 * shown only to whom the service admits them; and each year's downloads: its trial balance,
 * fonds dédiés and journal, and once closed its FEC and the FEC's description. The same
 * services and rules as the API's.
 */
@Path(HomePage.ROOT)
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public class BooksPages {

    static final String CSV = "text/csv;charset=UTF-8";

    /** A year as the page shows it, with what the reader may do with it. */
    public record YearRow(FiscalYearView year, boolean ended, boolean previousClosed, boolean mayRequest,
            boolean mayConfirm, boolean mayWithdraw) {

        public boolean closed() {
            return year.status() == FiscalYearStatus.CLOSED;
        }

        /** The id of the reason field of one of its steps' forms (request, confirm, withdraw): one per page. */
        public String reasonId(String step) {
            return step + "-reason-" + year.code();
        }

        /** Its fonds dédiés can be read: booked by its closing, or foreseen once the year before is closed. */
        public boolean dedicatedFunds() {
            return closed() || previousClosed;
        }
    }

    /** The years, newest first, and the step form sent back with its problems (of that year and step), if any. */
    public record Books(List<YearRow> years, String formYear, String formStep, Form form) {

        public Form formOf(String code, String step) {
            return code.equals(formYear) && step.equals(formStep) ? form : Form.fresh();
        }
    }

    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance fiscalYears(Screen screen, Books books);
    }

    private final FiscalYearService years;
    private final AccountingService accounting;
    private final JournalExport journal;
    private final Submissions submissions;
    private final Caller caller;
    private final Screen screen;
    private final Clock clock;

    BooksPages(FiscalYearService years, AccountingService accounting, JournalExport journal, Submissions submissions,
            Caller caller, Screen screen, Clock clock) {
        this.years = years;
        this.accounting = accounting;
        this.journal = journal;
        this.submissions = submissions;
        this.caller = caller;
        this.screen = screen;
        this.clock = clock;
    }

    @GET
    @Path("fiscal-years")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public TemplateInstance page() {
        return render(null, null, Form.fresh());
    }

    @POST
    @Path("fiscal-years/{code}/closing-request")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response requestClosing(@PathParam("code") String code, MultivaluedMap<String, String> sent) {
        return step(code, "closing-request", sent, reason -> years.requestClosing(code, reason, caller.subject()));
    }

    @POST
    @Path("fiscal-years/{code}/closing-confirmation")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response confirmClosing(@PathParam("code") String code, MultivaluedMap<String, String> sent) {
        return step(code, "closing-confirmation", sent, reason -> years.confirmClosing(code, reason, caller.subject()));
    }

    @POST
    @Path("fiscal-years/{code}/closing-withdrawal")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response withdrawClosing(@PathParam("code") String code, MultivaluedMap<String, String> sent) {
        return step(code, "closing-withdrawal", sent, reason -> years.withdrawClosing(code, reason, caller.subject()));
    }

    /** A step of a closing, with its reason: done, back to the year; refused, the page with the form's problems. */
    private Response step(String code, String step, MultivaluedMap<String, String> sent,
            Consumer<ClosingStep> take) {
        Form form = submissions.received(sent, "reason");
        ObjectNode command = submissions.command();
        Submissions.text(command, "reason", form);
        return submissions.apply(form, command, ClosingStep.class, reason -> {
            take.accept(reason);
            return HomePage.ROOT + "/fiscal-years#year-" + code;
        }, f -> render(code, step, f));
    }

    @GET
    @Path("fiscal-years/{code}/trial-balance.csv")
    @Produces(CSV)
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public Response trialBalance(@PathParam("code") String code) {
        LocalDate day = lastDayOrToday(years.get(code));
        return download(AccountingCsv.of(accounting.trialBalance(day, null, caller.scope())), CSV,
                "trial-balance-" + day + ".csv");
    }

    @GET
    @Path("fiscal-years/{code}/dedicated-funds.csv")
    @Produces(CSV)
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public Response dedicatedFunds(@PathParam("code") String code) {
        return download(AccountingCsv.of(accounting.dedicatedFunds(code, null, caller.scope())), CSV,
                "dedicated-funds-" + code + ".csv");
    }

    @GET
    @Path("fiscal-years/{code}/journal")
    @Produces("text/plain;charset=UTF-8")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public Response journal(@PathParam("code") String code, @Context HttpServerRequest exchange) {
        FiscalYearView year = years.get(code);
        JournalExport.Period period = accounting.period(year.firstDay(), lastDayOrToday(year), null, caller.scope());
        StreamingOutput body = out -> StreamedBody.writeOrCut(exchange, out, started -> journal.write(period,
                JournalExport.Accounts.GENERAL, started));
        return download(body, "text/plain;charset=UTF-8", "journal-" + code + ".journal");
    }

    @GET
    @Path("fiscal-years/{code}/fec")
    @Produces("text/plain;charset=ISO-8859-15")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public Response fec(@PathParam("code") String code, @Context Request request,
            @Context HttpServerRequest exchange) {
        AccountingService.Fec fec = accounting.fec(code);
        StreamingOutput body = out -> StreamedBody.writeOrCut(exchange, out, started -> accounting.writeFec(fec,
                started));
        return Response.fromResponse(Conditional.ok(request, fec.sha256(), body))
                .type("text/plain;charset=ISO-8859-15")
                .header("Content-Disposition", "attachment; filename=\"" + fec.fileName() + "\"").build();
    }

    @GET
    @Path("fiscal-years/{code}/fec-description")
    @Produces("text/plain;charset=UTF-8")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public Response fecDescription(@PathParam("code") String code) {
        AccountingService.FecDescriptionFile description = accounting.fecDescription(code);
        return download(description.text(), "text/plain;charset=UTF-8", description.fileName());
    }

    /** A year's last day, or today for the year under way: the accounts are read up to a day that has come. */
    private LocalDate lastDayOrToday(FiscalYearView year) {
        LocalDate today = today();
        return year.lastDay().isBefore(today) ? year.lastDay() : today;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BUSINESS_ZONE));
    }

    private static Response download(Object body, String type, String fileName) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    /**
     * The page, newest year first, each with the steps the reader may take: the service decides
     * all the same, the page only leaves out what it would refuse.
     */
    private TemplateInstance render(String formYear, String formStep, Form form) {
        LocalDate today = today();
        List<FiscalYearView> all = years.list();
        List<YearRow> rows = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            FiscalYearView year = all.get(i);
            boolean previousClosed = i == 0 || all.get(i - 1).status() == FiscalYearStatus.CLOSED;
            boolean ended = year.lastDay().isBefore(today);
            boolean closing = year.status() == FiscalYearStatus.CLOSING;
            rows.add(new YearRow(year, ended, previousClosed,
                    year.status() == FiscalYearStatus.OPEN && ended && previousClosed && screen.finance(),
                    closing && (screen.auditor() || screen.admin())
                            && !caller.subject().equals(year.closingRequestedBy()),
                    closing));
        }
        return screen.render(Templates.fiscalYears(screen, new Books(rows, formYear, formStep, form)));
    }
}
