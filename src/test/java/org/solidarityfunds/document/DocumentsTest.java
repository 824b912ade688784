package org.solidarityfunds.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestDocuments;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * Supporting documents: kept with what they support, recognised by their content, given back
 * byte for byte only as downloads, and covered by the ledger's verification.
 */
@QuarkusTest
class DocumentsTest {

    private static final String FINANCE = TestTokens.as("finance-documents", Roles.FINANCE);
    private static final String AUDITOR = TestTokens.as("auditor-documents", Roles.AUDITOR);

    @AfterEach
    void the_ledger_still_verifies() {
        assertThat(as(AUDITOR).get("/api/v1/ledger/verification").jsonPath().getString("status")).isEqualTo("INTACT");
    }

    private static byte[] resource(String name) {
        return TestDocuments.resource(name);
    }

    private static Response attach(String token, String path, String kind, String fileName, byte[] file) {
        return as(token).contentType("application/octet-stream").header("Idempotency-Key", UUID.randomUUID().toString())
                .queryParam("kind", kind).queryParam("fileName", fileName).body(file).post(path);
    }

    private static ValidatableResponse refused(Response response, int status, String problem) {
        return response.then().statusCode(status).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("#" + problem));
    }

    @Test
    void a_deliberation_is_kept_with_its_pledge_and_given_back_byte_for_byte_as_a_download() throws Exception {
        String fund = TestFunds.open("PIECES");
        String pledge = TestFunds.pledge(fund, TestFunds.donor("Ville de Nantes"), 5_000_00);
        byte[] pdf = resource("committee-minutes_libreoffice.pdf");
        Response attached = attach(FINANCE, "/api/v1/pledges/" + pledge + "/documents", "DELIBERATION",
                "Délibération n° 2020-57 du conseil.pdf", pdf);
        attached.then().statusCode(201).body("kind", equalTo("DELIBERATION")).body("supports", equalTo("PLEDGE"))
                .body("supportsId", equalTo(pledge)).body("mediaType", equalTo("application/pdf"))
                .body("sizeBytes", equalTo(pdf.length)).body("sha256", equalTo(sha256Hex(pdf)))
                .body("sequence", equalTo(1)).body("attachedBy", equalTo("finance-documents"))
                .body("fileName", equalTo("Délibération n° 2020-57 du conseil.pdf"));
        String href = attached.path("href");
        assertThat(attached.header("Location")).endsWith(href);

        as(AUDITOR).get("/api/v1/pledges/{id}/documents", pledge).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].href", equalTo(href));
        Response download = as(AUDITOR).accept("*/*").get(href);
        download.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", startsWith("attachment; filename=\"D_lib_ration n_ 2020-57 du conseil.pdf\""))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(
                        "filename*=UTF-8''D%C3%A9lib%C3%A9ration%20n%C2%B0%202020-57%20du%20conseil.pdf"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256(pdf)) + ":");
        assertThat(download.asByteArray()).isEqualTo(pdf);

        JsonPath verification = as(AUDITOR).get("/api/v1/ledger/verification").jsonPath();
        assertThat(verification.getLong("funds.find { it.fundCode == '" + fund + "' }.documentCount")).isEqualTo(1);
        assertThat(verification.getString("funds.find { it.fundCode == '" + fund + "' }.documentHeadHash"))
                .isEqualTo(attached.path("hash"));
    }

    @Test
    void a_file_is_told_by_its_content_and_anything_else_is_refused_with_nothing_kept() {
        String fund = TestFunds.open("PIECES");
        String pledge = TestFunds.pledge(fund, TestFunds.donor("Ville de Lyon"), 5_000_00);
        String path = "/api/v1/pledges/" + pledge + "/documents";
        Map<String, Long> before = TestDatabase.snapshot();
        refused(attach(FINANCE, path, "DELIBERATION", "deliberation.pdf",
                "<html><script>alert(1)</script></html>".getBytes()), 422, "document-format-not-accepted");
        refused(attach(FINANCE, path, "DELIBERATION", "budget.odt", resource("budget_libreoffice.ods")), 422,
                "document-format-not-accepted").body("detail", org.hamcrest.Matchers.containsString("spreadsheet"));
        refused(attach(FINANCE, path, "DELIBERATION", "livre.docx", resource("execution-report_pandoc.epub")), 422,
                "document-format-not-accepted");
        refused(attach(FINANCE, path, "DELIBERATION", "minutes.pdf", resource("minutes-as-text.pdf")), 422,
                "document-format-not-accepted");
        refused(attach(FINANCE, path, "MINUTES", "pv.pdf", resource("committee-minutes_libreoffice.pdf")), 400,
                "validation-failed").body("errors[0].field", equalTo("kind"));
        refused(attach(FINANCE, path, "DELIBERATION", "deliberation\r\nX-Injected: 1.pdf",
                resource("committee-minutes_libreoffice.pdf")), 400, "validation-failed")
                .body("errors[0].field", equalTo("fileName"));
        refused(attach(FINANCE, path, "DELIBERATION", "../../etc/passwd.pdf",
                resource("committee-minutes_libreoffice.pdf")), 400, "validation-failed")
                .body("errors[0].field", equalTo("fileName"));
        refused(as(FINANCE).contentType("text/html").header("Idempotency-Key", UUID.randomUUID().toString())
                .queryParam("kind", "DELIBERATION").body("<html></html>").post(path), 415, "unsupported-media-type");
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        refused(attach(FINANCE, path, "DELIBERATION", "big.pdf", tooLarge), 413, "payload-too-large");
        refused(attach(TestTokens.as("partner-documents", Roles.PARTNER), path, "DELIBERATION", "d.pdf",
                resource("committee-minutes_libreoffice.pdf")), 403, "forbidden");
        assertThat(TestDatabase.snapshot()).isEqualTo(before);
        // The same file under another name is accepted: the name never decides, and it is kept ending as a PDF's,
        // so that the reader's computer opens it as what it is (a PDF named .hta would run).
        attach(FINANCE, path, "DELIBERATION", "deliberation.jpg", resource("committee-minutes_libreoffice.pdf"))
                .then().statusCode(201).body("mediaType", equalTo("application/pdf"))
                .body("fileName", equalTo("deliberation.jpg.pdf"));
        attach(FINANCE, path, "DELIBERATION", "avis.hta", resource("committee-minutes_libreoffice.pdf"))
                .then().statusCode(201).body("fileName", equalTo("avis.hta.pdf"));
        attach(FINANCE, path, "DELIBERATION", "Délibération.PDF", resource("committee-minutes_libreoffice.pdf"))
                .then().statusCode(201).body("fileName", equalTo("Délibération.PDF"));
    }

    @Test
    void a_disbursements_documents_fit_its_state_and_stay_in_its_funds_scope() {
        String fund = TestFunds.open("PIECES");
        TestFunds.contribution(fund, TestFunds.donor("Ville de Rennes"), 10_000_00, null);
        TestFunds.committee(fund, 1, fund + "-m1", fund + "-m2");
        String disbursement = TestFunds.disbursement(fund, 4_000_00);
        String path = "/api/v1/disbursements/" + disbursement + "/documents";
        String member = TestTokens.as(fund + "-m1", Roles.COMMITTEE, fund);
        attach(member, path, "PROJECT", "projet.odt", resource("execution-report_pandoc.odt")).then().statusCode(201)
                .body("supports", equalTo("DISBURSEMENT"))
                .body("mediaType", equalTo("application/vnd.oasis.opendocument.text"));
        refused(attach(FINANCE, path, "MINUTES", "pv.docx", resource("committee-minutes_libreoffice.docx")), 409,
                "document-does-not-fit");
        refused(attach(FINANCE, path, "EXECUTION_REPORT", "rapport.pdf", resource("payment-advice_ghostscript.pdf")),
                409, "document-does-not-fit");
        assertThat(TestFunds.vote(disbursement, fund + "-m2", "FOR")).isEqualTo("APPROVED");
        attach(member, path, "MINUTES", "pv.docx", resource("committee-minutes_libreoffice.docx")).then()
                .statusCode(201).body("supports", equalTo("DECISION"));
        String payment = json(FINANCE, Map.of("paidOn", "2020-11-12", "reference", "VIR-PIECES-1", "amount",
                Map.of("amountMinor", 1_000_00, "currency", "EUR"))).post("/api/v1/disbursements/{id}/payments",
                disbursement).then().statusCode(200).extract().path("payments[0].id");
        refused(attach(FINANCE, path, "PAYMENT_ADVICE", "avis.pdf", resource("payment-advice_ghostscript.pdf")), 400,
                "validation-failed").body("errors[0].field", equalTo("paymentId"));
        as(FINANCE).contentType("application/pdf").header("Idempotency-Key", UUID.randomUUID().toString())
                .queryParam("kind", "PAYMENT_ADVICE").queryParam("paymentId", payment).queryParam("fileName", "avis.pdf")
                .body(resource("payment-advice_ghostscript.pdf")).post(path).then().statusCode(201)
                .body("supports", equalTo("PAYMENT")).body("supportsId", equalTo(payment));
        attach(FINANCE, path, "EXECUTION_REPORT", "rapport.docx", resource("execution-report_pandoc.docx")).then()
                .statusCode(201).body("sequence", equalTo(4));

        as(AUDITOR).get("/api/v1/disbursements/{id}/documents", disbursement).then().statusCode(200)
                .body("kind", equalTo(java.util.List.of("PROJECT", "MINUTES", "PAYMENT_ADVICE", "EXECUTION_REPORT")));
        String other = TestTokens.as("member-elsewhere", Roles.COMMITTEE, TestFunds.open("AILLEURS"));
        refused(as(other).get("/api/v1/disbursements/{id}/documents", disbursement), 404, "disbursement-not-found");
        String href = as(AUDITOR).get("/api/v1/disbursements/{id}/documents", disbursement).then().extract()
                .path("[0].href");
        refused(as(other).accept("*/*").get(href), 404, "document-not-found");
        refused(as(TestTokens.as("partner-documents", Roles.PARTNER)).accept("*/*").get(href), 403, "forbidden");
        as(member).accept("*/*").get(href).then().statusCode(200)
                .contentType("application/vnd.oasis.opendocument.text");
        // A committee member reads no pledge, nor its deliberation.
        String deliberation = attach(FINANCE, "/api/v1/pledges/" + TestFunds.pledge(fund, TestFunds.donor("Ville de Vannes"),
                1_000_00) + "/documents", "DELIBERATION", "d.pdf", resource("committee-minutes_libreoffice.pdf"))
                .then().statusCode(201).extract().path("href");
        refused(as(member).accept("*/*").get(deliberation), 404, "document-not-found");
        as(AUDITOR).accept("*/*").get(deliberation).then().statusCode(200);
    }

    @Test
    void the_verification_reports_a_changed_byte_and_a_changed_record() throws SQLException {
        String fund = TestFunds.open("PIECES");
        String pledge = TestFunds.pledge(fund, TestFunds.donor("Ville de Brest"), 5_000_00);
        String id = attach(FINANCE, "/api/v1/pledges/" + pledge + "/documents", "DELIBERATION", "d.pdf",
                resource("payment-advice_ghostscript.pdf")).then().statusCode(201).extract().path("id");
        String where = " WHERE id = '" + id + "'";
        try (Connection superuser = TestDatabase.asSuperuser(); Statement sql = superuser.createStatement()) {
            sql.execute("SET session_replication_role = replica");
            // One byte of the file, in the middle, changed.
            String flip = "UPDATE supporting_document SET content = set_byte(content, size_bytes / 2, "
                    + "get_byte(content, size_bytes / 2) # 1)" + where;
            sql.execute(flip);
            try {
                JsonPath report = as(AUDITOR).get("/api/v1/ledger/verification").jsonPath();
                assertThat(report.getString("status")).isEqualTo("BROKEN");
                assertThat(report.getString("firstBreak.documentId")).isEqualTo(id);
                assertThat(report.getString("firstBreak.reason")).isEqualTo("DOCUMENT_ALTERED");
            } finally {
                sql.execute(flip);
            }
            String rename = "UPDATE supporting_document SET file_name = '%s'" + where;
            sql.execute(String.format(rename, "autre.pdf"));
            try {
                JsonPath report = as(AUDITOR).get("/api/v1/ledger/verification").jsonPath();
                assertThat(report.getString("firstBreak.documentId")).isEqualTo(id);
                assertThat(report.getString("firstBreak.reason")).isEqualTo("HASH_MISMATCH");
            } finally {
                sql.execute(String.format(rename, "d.pdf"));
            }
            sql.execute("CREATE TEMP TABLE saved_document AS SELECT * FROM supporting_document" + where);
            sql.execute("DELETE FROM supporting_document" + where);
            try {
                JsonPath report = as(AUDITOR).get("/api/v1/ledger/verification").jsonPath();
                assertThat(report.getString("firstBreak.fundCode")).isEqualTo(fund);
                assertThat(report.getString("firstBreak.reason")).isEqualTo("HEAD_MISMATCH");
            } finally {
                sql.execute("INSERT INTO supporting_document SELECT * FROM saved_document");
            }
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }
}
