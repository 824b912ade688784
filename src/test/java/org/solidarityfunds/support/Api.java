package org.solidarityfunds.support;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every test request goes through here, and every response it gets is validated against
 * the OpenAPI document the running service publishes (the same one the build writes to
 * openapi/). Requests are not validated: many tests send invalid ones on purpose.
 */
public final class Api {

    private static OpenApiValidationFilter contract;

    private Api() {
    }

    /** A request from an administrator, who may read and write everything this version offers. */
    public static RequestSpecification api() {
        return as(TestTokens.admin());
    }

    /** A request with this bearer token. */
    public static RequestSpecification as(String token) {
        return anonymous().auth().oauth2(token);
    }

    /** A request without a token. */
    public static RequestSpecification anonymous() {
        return given().filter(contract()).accept(ContentType.JSON);
    }

    /** A JSON request from an administrator, with a fresh Idempotency-Key (ignored where none is needed). */
    public static RequestSpecification json(Object body) {
        return json(TestTokens.admin(), body);
    }

    /** A JSON request with this token and a fresh Idempotency-Key. */
    public static RequestSpecification json(String token, Object body) {
        return as(token).contentType(ContentType.JSON).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(body);
    }

    private static synchronized OpenApiValidationFilter contract() {
        if (contract == null) {
            String spec = given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                    .extract().asString();
            contract = new OpenApiValidationFilter(OpenApiInteractionValidator
                    .createForInlineApiSpecification(spec)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());
        }
        return contract;
    }
}
