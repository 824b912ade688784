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
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.committee.CommitteeService;
import org.solidarityfunds.committee.CommitteeView;
import org.solidarityfunds.committee.MajorityRule;
import org.solidarityfunds.committee.SetCommittee;
import org.solidarityfunds.donor.CreateDonor;
import org.solidarityfunds.donor.DonorKind;
import org.solidarityfunds.donor.DonorService;
import org.solidarityfunds.donor.DonorView;
import org.solidarityfunds.fund.ChangeFundStatus;
import org.solidarityfunds.fund.CreateFund;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.fund.FundView;
import org.solidarityfunds.ledger.FundStatus;

/**
 * What administrators set up: funds (opened, and their status changed with a reason), donors,
 * and each fund's committee (members and their seats, quorum, majority rule, a delegate who
 * decides small requests alone). Nothing here moves money; each is the API's command.
 */
@Path(HomePage.ROOT)
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public class AdminPages {

    /** Member lines on the committee form: the committees of the network have four to a dozen members. */
    static final int MEMBER_ROWS = 12;

    /** The administration page: every fund with its status form, every donor. */
    public record Overview(List<FundView> funds, List<DonorView> donors, Form fund, Form donor, String statusOf,
            Form status) {

        /** The status form of this fund: the one sent back with its problems, or a fresh one. */
        public Form statusForm(String code) {
            return code.equals(statusOf) ? status : Form.fresh();
        }

        public List<FundStatus> statuses() {
            return List.of(FundStatus.values());
        }

        public List<DonorKind> kinds() {
            return List.of(DonorKind.values());
        }
    }

    /** A fund's committee form, filled with the current committee when there is one. */
    public record CommitteeForm(FundView fund, Form form) {

        public List<Integer> rows() {
            return IntStream.range(0, MEMBER_ROWS).boxed().toList();
        }

        public String field(int row, String part) {
            return member(row, part);
        }

        public List<String> parts() {
            return List.of("subject", "name", "validFrom", "validUntil");
        }

        public List<MajorityRule> rules() {
            return List.of(MajorityRule.values());
        }
    }

    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance admin(Screen screen, Overview overview);

        static native TemplateInstance committeeEdit(Screen screen, CommitteeForm committee);
    }

    private final FundService funds;
    private final DonorService donors;
    private final CommitteeService committees;
    private final Submissions submissions;
    private final Caller caller;
    private final Screen screen;

    AdminPages(FundService funds, DonorService donors, CommitteeService committees, Submissions submissions,
            Caller caller, Screen screen) {
        this.funds = funds;
        this.donors = donors;
        this.committees = committees;
        this.submissions = submissions;
        this.caller = caller;
        this.screen = screen;
    }

    /** The empty forms of the overview: a fund in euros, a commune. */
    private static Form newFund() {
        return Form.fresh().with("currency", "EUR");
    }

    private static Form newDonor() {
        return Form.fresh().with("kind", DonorKind.COMMUNE.name());
    }

    @GET
    @Path("admin")
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public TemplateInstance overview() {
        return overview(newFund(), newDonor());
    }

    @POST
    @Path("admin/funds")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response openFund(MultivaluedMap<String, String> sent) {
        Form form = submissions.received(sent, "code", "name", "description", "currency");
        ObjectNode command = submissions.command();
        command.put("code", form.value("code").strip().toUpperCase(java.util.Locale.ROOT));
        Submissions.text(command, "name", form);
        Submissions.text(command, "description", form);
        Submissions.text(command, "currency", form);
        return submissions.apply(form, command, CreateFund.class,
                c -> HomePage.ROOT + "/funds/" + funds.create(c, caller.subject()).code(),
                f -> overview(f, newDonor()));
    }

    @POST
    @Path("funds/{code}/status")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response changeStatus(@PathParam("code") String code, MultivaluedMap<String, String> sent) {
        Form form = submissions.received(sent, "status", "reason");
        funds.get(code, caller.scope());
        ObjectNode command = submissions.command();
        Submissions.text(command, "status", form);
        Submissions.text(command, "reason", form);
        return submissions.apply(form, command, ChangeFundStatus.class, c -> {
            funds.changeStatus(code, c, caller.subject());
            return HomePage.ROOT + "/admin#fund-" + code;
        }, f -> overview(newFund(), newDonor(),
                code, f));
    }

    @POST
    @Path("admin/donors")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response createDonor(MultivaluedMap<String, String> sent) {
        Form form = submissions.received(sent, "kind", "name", "siren", "contactEmail");
        ObjectNode command = submissions.command();
        Submissions.text(command, "kind", form);
        Submissions.text(command, "name", form);
        Submissions.text(command, "siren", form);
        Submissions.text(command, "contactEmail", form);
        return submissions.apply(form, command, CreateDonor.class, c -> {
            donors.create(c, caller.subject());
            return HomePage.ROOT + "/admin#donors";
        }, f -> overview(newFund(), f));
    }

    @GET
    @Path("funds/{code}/committee/edit")
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public TemplateInstance committeeForm(@PathParam("code") String code) {
        FundView fund = funds.get(code, caller.scope());
        Form form = Form.fresh().with("quorum", "1").with("majority", MajorityRule.SIMPLE.name());
        committees.find(code, caller.scope()).ifPresent(current -> {
            form.with("quorum", String.valueOf(current.quorum())).with("majority", current.majority().name());
            for (int row = 0; row < Math.min(current.members().size(), MEMBER_ROWS); row++) {
                CommitteeView.MemberView member = current.members().get(row);
                form.with(member(row, "subject"), member.subject()).with(member(row, "name"), member.name())
                        .with(member(row, "validFrom"), screen.fmt().typed(member.validFrom()))
                        .with(member(row, "validUntil"), member.validUntil() == null ? ""
                                : screen.fmt().typed(member.validUntil()));
            }
            if (current.delegate() != null) {
                form.with("delegate.subject", current.delegate().subject()).with("delegate.below",
                        screen.fmt().typed(current.delegate().below().amountMinor(),
                                Currency.getInstance(current.delegate().below().currency())));
            }
        });
        return screen.render(Templates.committeeEdit(screen, new CommitteeForm(fund, form)));
    }

    @POST
    @Path("funds/{code}/committee")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response setCommittee(@PathParam("code") String code, MultivaluedMap<String, String> sent) {
        List<String> fields = new ArrayList<>(List.of("quorum", "majority", "reason", "delegate.subject",
                "delegate.below"));
        for (int row = 0; row < MEMBER_ROWS; row++) {
            for (String part : List.of("subject", "name", "validFrom", "validUntil")) {
                fields.add(member(row, part));
            }
        }
        Form form = submissions.received(sent, fields.toArray(String[]::new));
        FundView fund = funds.get(code, caller.scope());
        ObjectNode command = submissions.command();
        ArrayNode members = command.putArray("members");
        for (int row = 0; row < MEMBER_ROWS; row++) {
            if (form.value(member(row, "subject")).isBlank() && form.value(member(row, "name")).isBlank()) {
                continue;
            }
            ObjectNode member = members.addObject();
            if (form.value(member(row, "subject")).isBlank()) {
                form.problem(member(row, "subject"), FieldProblem.REQUIRED);
            } else {
                member.put("subject", form.value(member(row, "subject")));
            }
            if (form.value(member(row, "name")).isBlank()) {
                form.problem(member(row, "name"), FieldProblem.REQUIRED);
            } else {
                member.put("name", form.value(member(row, "name")));
            }
            submissions.day(form, member(row, "validFrom")).ifPresent(day -> member.put("validFrom", day.toString()));
            if (!form.value(member(row, "validUntil")).isBlank()) {
                submissions.day(form, member(row, "validUntil"))
                        .ifPresent(day -> member.put("validUntil", day.toString()));
            }
        }
        String quorum = form.value("quorum").strip();
        if (quorum.matches("[0-9]{1,3}")) {
            command.put("quorum", Integer.parseInt(quorum));
        } else {
            form.problem("quorum", quorum.isEmpty() ? FieldProblem.REQUIRED : FieldProblem.INVALID);
        }
        Submissions.text(command, "majority", form);
        Submissions.text(command, "reason", form);
        if (!form.value("delegate.subject").isBlank() || !form.value("delegate.below").isBlank()) {
            ObjectNode delegate = command.putObject("delegate");
            if (form.value("delegate.subject").isBlank()) {
                form.problem("delegate.subject", FieldProblem.REQUIRED);
            } else {
                delegate.put("subject", form.value("delegate.subject"));
            }
            submissions.minor(form, "delegate.below", Currency.getInstance(fund.currency())).ifPresent(minor ->
                    delegate.putObject("below").put("amountMinor", minor).put("currency", fund.currency()));
        }
        return submissions.apply(form, command, SetCommittee.class, c -> {
            committees.set(code, c, caller.subject());
            return HomePage.ROOT + "/funds/" + code + "#committee";
        }, f -> screen.render(Templates.committeeEdit(screen, new CommitteeForm(fund, f))));
    }

    private TemplateInstance overview(Form fund, Form donor) {
        return overview(fund, donor, "", Form.fresh());
    }

    private TemplateInstance overview(Form fund, Form donor, String statusOf, Form status) {
        return screen.render(Templates.admin(screen, new Overview(funds.list(HomePage.FIRST_200, caller.scope()).items(),
                donors.list(HomePage.FIRST_200, null, true).items(), fund, donor, statusOf, status)));
    }

    static String member(int row, String part) {
        return "members." + row + "." + part;
    }
}
