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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.fund.FundView;
import org.solidarityfunds.ledger.BalanceView;
import org.solidarityfunds.ledger.EntryView;
import org.solidarityfunds.ledger.LedgerService;
import org.solidarityfunds.ledger.VerificationReport;
import org.solidarityfunds.ledger.VerificationService;
import org.solidarityfunds.problem.ProblemType;
import org.solidarityfunds.web.Ids;

/**
 * What auditors check: each fund's head (entry count and last hash, to copy and compare
 * later), a verification of every chain run on demand (INTACT, or the first entry that
 * breaks), and each journal entry with its lines, its hashes and its reversal.
 */
@Path(HomePage.ROOT)
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public class AuditPages {

    /** A fund and its head as recorded now. */
    public record Head(FundView fund, BalanceView balance) {
    }

    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance verification(Screen screen, List<Head> heads, VerificationReport report);

        static native TemplateInstance entry(Screen screen, EntryView entry, FundView fund);
    }

    private final VerificationService verification;
    private final LedgerService ledger;
    private final FundService funds;
    private final FormGuard guard;
    private final Caller caller;
    private final Screen screen;

    AuditPages(VerificationService verification, LedgerService ledger, FundService funds, FormGuard guard,
            Caller caller, Screen screen) {
        this.verification = verification;
        this.ledger = ledger;
        this.funds = funds;
        this.guard = guard;
        this.caller = caller;
        this.screen = screen;
    }

    @GET
    @Path("verification")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public TemplateInstance page() {
        return screen.render(Templates.verification(screen, heads(), null));
    }

    /** A POST, though it changes nothing: a verification reads the whole ledger, and no link or prefetch should start one. */
    @POST
    @Path("verification")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public TemplateInstance verify(MultivaluedMap<String, String> sent) {
        guard.verify(sent.getFirst(FormGuard.FIELD));
        VerificationReport report = verification.verify();
        return screen.render(Templates.verification(screen, heads(), report));
    }

    @GET
    @Path("entries/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public TemplateInstance entry(@PathParam("id") String id) {
        EntryView entry = ledger.entry(Ids.require(id, ProblemType.ENTRY_NOT_FOUND, "journal entry"), caller.scope());
        return screen.render(Templates.entry(screen, entry, funds.get(entry.fundCode(), caller.scope())));
    }

    private List<Head> heads() {
        return funds.list(HomePage.FIRST_200, caller.scope()).items().stream()
                .map(fund -> new Head(fund, ledger.balances(fund.code(), caller.scope())))
                .toList();
    }
}
