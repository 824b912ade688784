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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.donor.DonorService;
import org.solidarityfunds.donor.DonorView;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.fund.FundView;
import org.solidarityfunds.pledge.PledgeService;
import org.solidarityfunds.pledge.RecordPledge;

/**
 * Recording a pledge: a council's deliberation promising an amount to a fund, paid at once
 * or in instalments with their due dates. The form offers {@link #INSTALMENT_ROWS} instalment
 * lines; those left empty are not sent.
 */
@Path(HomePage.ROOT)
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public class PledgePages {

    /** Instalment lines on the form; a longer schedule goes through the API (up to RecordPledge.INSTALMENTS_MAX). */
    static final int INSTALMENT_ROWS = 6;

    /** The form's page: the fund, the donors to choose from, the instalment lines. */
    public record View(FundView fund, List<DonorView> donors, Form form) {

        public List<Integer> rows() {
            return IntStream.range(0, INSTALMENT_ROWS).boxed().toList();
        }

        public String amountField(int row) {
            return instalmentAmount(row);
        }

        public String dueField(int row) {
            return instalmentDue(row);
        }
    }

    static String instalmentAmount(int row) {
        return "instalments." + row + ".amount";
    }

    static String instalmentDue(int row) {
        return "instalments." + row + ".dueOn";
    }

    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance pledgeNew(Screen screen, View view);
    }

    private final PledgeService pledges;
    private final DonorService donors;
    private final FundService funds;
    private final Submissions submissions;
    private final Caller caller;
    private final Screen screen;

    PledgePages(PledgeService pledges, DonorService donors, FundService funds, Submissions submissions, Caller caller,
            Screen screen) {
        this.pledges = pledges;
        this.donors = donors;
        this.funds = funds;
        this.submissions = submissions;
        this.caller = caller;
        this.screen = screen;
    }

    @GET
    @Path("funds/{code}/pledges/new")
    @RolesAllowed(Roles.FINANCE)
    @Operation(hidden = true)
    public TemplateInstance form(@PathParam("code") String code) {
        return page(funds.get(code, caller.scope()), Form.fresh());
    }

    @POST
    @Path("funds/{code}/pledges")
    @RolesAllowed(Roles.FINANCE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response record(@PathParam("code") String code, MultivaluedMap<String, String> sent, UriInfo uri) {
        List<String> fields = new ArrayList<>(List.of("donorId", "amount", "pledgedOn", "deliberationRef"));
        for (int row = 0; row < INSTALMENT_ROWS; row++) {
            fields.add(instalmentAmount(row));
            fields.add(instalmentDue(row));
        }
        Form form = submissions.received(sent, fields.toArray(String[]::new));
        FundView fund = funds.get(code, caller.scope());
        Currency currency = Currency.getInstance(fund.currency());
        ObjectNode command = submissions.command();
        Submissions.text(command, "donorId", form);
        submissions.amount(command, "amount", form, currency);
        submissions.day(command, "pledgedOn", form);
        Submissions.text(command, "deliberationRef", form);
        ArrayNode instalments = command.putArray("instalments");
        for (int row = 0; row < INSTALMENT_ROWS; row++) {
            String amount = instalmentAmount(row);
            String due = instalmentDue(row);
            if (form.value(amount).isBlank() && form.value(due).isBlank()) {
                continue;
            }
            ObjectNode line = instalments.addObject();
            submissions.minor(form, amount, currency).ifPresent(minor -> line.put("amountMinor", minor));
            submissions.day(form, due).ifPresent(day -> line.put("dueOn", day.toString()));
        }
        if (instalments.isEmpty()) {
            command.remove("instalments");
        }
        return submissions.send(form, command, RecordPledge.class, uri,
                (request, c) -> pledges.record(request, code, c, caller.scope()),
                answer -> HomePage.ROOT + "/funds/" + code + "#pledges", f -> page(fund, f));
    }

    private TemplateInstance page(FundView fund, Form form) {
        return screen.render(Templates.pledgeNew(screen, new View(fund,
                donors.list(HomePage.FIRST_200, null, caller.seesPersonalData()).items(), form)));
    }
}
