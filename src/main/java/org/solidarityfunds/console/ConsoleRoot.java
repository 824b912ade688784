package org.solidarityfunds.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** http://localhost:8080/ opens the console. */
@Path("/")
@ConsolePage
@PermitAll
public class ConsoleRoot {

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(URI.create(HomePage.ROOT)).build();
    }
}
