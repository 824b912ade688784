package org.solidarityfunds.feed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.solidarityfunds.access.Caller;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.web.PageParameters;

@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Change feed")
public class FeedResource {

    private final FeedService feed;
    private final Caller caller;

    FeedResource(FeedService feed, Caller caller) {
        this.feed = feed;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.PARTNER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listEvents", summary = "Read the change feed",
            description = "Every fact of the ledger (entries posted, reversals, pledges, contributions, disbursement "
                    + "requests, decisions, payments), in an order consistent with commits, each exactly once: page "
                    + "with after = the previous page's nextCursor, now or later, and nothing is missed or repeated. "
                    + "An event appears once its transaction and every transaction that started before it have "
                    + "ended. Partners see the events of their funds only.")
    @APIResponse(responseCode = "200", description = "One page of events, oldest first")
    @APIResponse(responseCode = "400", description = "validation-failed (limit) or invalid-cursor")
    public EventView.Page list(@BeanParam PageParameters page) {
        return feed.page(page.request(), caller.scope());
    }
}
