package org.solidarityfunds.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.fund.FundService;
import org.solidarityfunds.fund.FundView;
import org.solidarityfunds.ledger.LedgerService;
import org.solidarityfunds.persistence.PageRequest;

/** The console's home: the funds the user may see, each with its balances and its chart. */
@Path(HomePage.ROOT)
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public class HomePage {

    /** The console's root; every console path starts with it. */
    public static final String ROOT = "/console";

    /** The lists the console shows without paging (funds, donors): their first 200 (docs/reference/limits.md). */
    static final PageRequest FIRST_200 = new PageRequest(PageRequest.LIMIT_MAX, java.util.Optional.empty());

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance home(Screen screen, List<FundCard> cards);
    }

    private final FundService funds;
    private final LedgerService ledger;
    private final Caller caller;
    private final Screen screen;
    private final PageReads reads;

    HomePage(FundService funds, LedgerService ledger, Caller caller, Screen screen, PageReads reads) {
        this.reads = reads;
        this.funds = funds;
        this.ledger = ledger;
        this.caller = caller;
        this.screen = screen;
    }

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.COMMITTEE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public TemplateInstance home() {
        List<FundCard> cards = reads.of(() -> funds.list(FIRST_200, caller.scope()).items().stream()
                .map(this::card)
                .toList());
        return screen.render(Templates.home(screen, cards));
    }

    FundCard card(FundView fund) {
        return new FundCard(fund, ledger.balances(fund.code(), caller.scope()),
                ledger.monthEnds(fund.code(), fund.createdAt(), caller.scope()));
    }
}
