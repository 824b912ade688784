package org.solidarityfunds.web;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.solidarityfunds.persistence.PageRequest;

/** The {@code ?limit=&after=} of every list, as received; {@link #request()} checks them. */
public class PageParameters {

    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 200.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
    String limit;

    @QueryParam("after")
    @Parameter(description = "The nextCursor of the previous page.")
    String after;

    public PageRequest request() {
        return PageRequest.of(limit, after);
    }
}
