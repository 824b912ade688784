package org.solidarityfunds.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.dev.DevSigningKeys;
import org.solidarityfunds.support.ErrorLog;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * A token signed by the identity provider can still carry claims the service cannot use: a
 * subject it could not record as the author of a write, roles or funds that are not lists of
 * names. Each is refused with 401 before any work, on reads and writes alike.
 */
@QuarkusTest
class TokenClaimsTest {

    private ErrorLog errors;
    private String fund;

    @BeforeEach
    void listen() {
        fund = TestFunds.open("CLAIMS");
        errors = ErrorLog.listen();
    }

    @AfterEach
    void nothing_was_logged_as_an_error() {
        errors.close();
        assertThat(errors.lines()).as("ERROR lines").isEmpty();
    }

    /** A signed, unexpired token for this service, as admin, with what the case changes. */
    private static String signed(UnaryOperator<JwtClaimsBuilder> change) {
        JwtClaimsBuilder claims = Jwt.issuer(DevSigningKeys.ISSUER).audience(DevSigningKeys.AUDIENCE)
                .subject("claims-admin").groups(Set.of(Roles.ADMIN)).expiresIn(Duration.ofMinutes(10));
        return change.apply(claims).sign(TestTokens.KEYS.privateKey());
    }

    /**
     * A signed token whose claims are this JSON (with the issuer, audience and expiry of a good
     * one), for the claims the token builder itself refuses to write.
     */
    private static String signedPayload(String claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload("{\"iss\":\"" + DevSigningKeys.ISSUER + "\",\"aud\":\"" + DevSigningKeys.AUDIENCE
                + "\",\"exp\":" + (System.currentTimeMillis() / 1000 + 600) + ","
                + claims + "}");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKey(TestTokens.KEYS.privateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> unusableTokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("sub of 201 characters", signed(c -> c.subject("s".repeat(201))));
        tokens.put("sub holding a NUL", signed(c -> c.subject("a\u0000b")));
        tokens.put("sub holding a control character", signed(c -> c.subject("a\u0007b")));
        tokens.put("sub holding half a surrogate pair", signedPayload("\"sub\":\"a\\ud800b\",\"groups\":[\"admin\"]"));
        tokens.put("empty sub", signed(c -> c.subject("")));
        tokens.put("blank sub", signed(c -> c.subject("   ")));
        tokens.put("sub of invisible characters", signed(c -> c.subject("\u00a0\u200b")));
        tokens.put("sub a number", signedPayload("\"sub\":42,\"groups\":[\"admin\"]"));
        tokens.put("sub an object", signedPayload("\"sub\":{\"id\":\"x\"},\"groups\":[\"admin\"]"));
        tokens.put("no sub", signed(c -> c.remove("sub").upn("claims-admin")));
        tokens.put("groups an object", signedPayload("\"sub\":\"a\",\"groups\":{\"admin\":true}"));
        tokens.put("groups a number", signedPayload("\"sub\":\"a\",\"groups\":7"));
        tokens.put("groups holding a number", signedPayload("\"sub\":\"a\",\"groups\":[\"admin\",7]"));
        tokens.put("groups holding a NUL", signed(c -> c.groups(Set.of(Roles.ADMIN, "a\u0000"))));
        tokens.put("funds an object", signed(c -> c.claim(Roles.FUNDS_CLAIM, Map.of("code", "LIBAN-2020"))));
        tokens.put("funds holding an object", signed(c -> c.claim(Roles.FUNDS_CLAIM, List.of(Map.of("a", 1)))));
        tokens.put("funds holding a NUL", signed(c -> c.claim(Roles.FUNDS_CLAIM, List.of("A\u0000"))));
        return tokens;
    }

    @Test
    void a_token_with_claims_the_service_cannot_use_is_refused_before_any_write() {
        unusableTokens().forEach((name, token) -> {
            Map<String, Long> before = TestDatabase.snapshot();
            ExtractableResponse<Response> answer = json(token, Map.of("kind", "COMMUNE", "name", "Ville"))
                    .post("/api/v1/donors").then().extract();
            assertThat(answer.statusCode()).as(name).isEqualTo(401);
            assertThat(answer.contentType()).as(name).isEqualTo("application/problem+json");
            assertThat(answer.jsonPath().getString("type")).as(name).endsWith("#unauthenticated");
            assertThat(answer.header("WWW-Authenticate")).as(name).isEqualTo("Bearer");
            assertThat(TestDatabase.snapshot()).as(name).isEqualTo(before);
        });
    }

    @Test
    void a_token_with_claims_the_service_cannot_use_reads_nothing() {
        unusableTokens().forEach((name, token) -> {
            for (String path : new String[] {"/api/v1/funds/" + fund + "/balance", "/api/v1/ledger/verification"}) {
                ExtractableResponse<Response> answer = as(token).get(path).then().extract();
                assertThat(answer.statusCode()).as(name + " " + path).isEqualTo(401);
                assertThat(answer.jsonPath().getString("type")).as(name).endsWith("#unauthenticated");
            }
        });
    }

    @Test
    void a_subject_of_200_characters_any_script_is_recorded_as_sent() {
        String subject = "\uD83C\uDF0D".repeat(100) + "é".repeat(100);
        String token = signed(c -> c.subject(subject));
        json(token, Map.of("kind", "COMMUNE", "name", "Ville longue")).post("/api/v1/donors").then().statusCode(201)
                .body("createdBy", equalTo(subject));
    }

    @Test
    void a_single_group_as_a_string_is_read_as_one_role() {
        as(signed(c -> c.claim("groups", Roles.AUDITOR))).get("/api/v1/funds/" + fund + "/balance").then()
                .statusCode(200);
    }
}
