package org.solidarityfunds.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.solidarityfunds.problem.ProblemException;
import org.solidarityfunds.problem.ProblemType;

/**
 * The console's edges: http://localhost:8080/ opens it, and a path under it that names no page
 * answers the console's own "page not found", not the API's JSON.
 */
@Path("/")
@ConsolePage
@PermitAll
public class ConsoleRoot {

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(URI.create(HomePage.ROOT)).build();
    }

    @GET
    @Path("console/{page: .+}")
    @Operation(hidden = true)
    public Response noSuchPage(@PathParam("page") String page) {
        throw new ProblemException(ProblemType.RESOURCE_NOT_FOUND, "No console page is at this path.");
    }
}
