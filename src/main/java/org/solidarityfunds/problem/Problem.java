package org.solidarityfunds.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body, as every error of this service is answered. Its
 * OpenAPI schema is written by hand in META-INF/openapi.yaml and attached to every error
 * response by {@code openapi.OpenApiConventions}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }
}
