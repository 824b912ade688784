package org.solidarityfunds.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;

/** Sends a bad request and checks that it gets a problem of the expected type and changes nothing. */
public final class BadInput {

    private BadInput() {
    }

    public static ValidatableResponse post(String path, String rawBody, int status, String problemSlug) {
        return postAs(TestTokens.admin(), path, rawBody, status, problemSlug);
    }

    /** The same, as the caller of this token. */
    public static ValidatableResponse postAs(String token, String path, String rawBody, int status, String problemSlug) {
        Map<String, Long> before = TestDatabase.snapshot();
        ValidatableResponse response = Api.as(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString()).body(rawBody).post(path).then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(status))
                .body("type", endsWith("/docs/reference/problems.md#" + problemSlug));
        assertThat(TestDatabase.snapshot()).as("a refused request changes nothing").isEqualTo(before);
        return response;
    }
}
