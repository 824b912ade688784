package org.solidarityfunds.accounting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.solidarityfunds.support.Api.as;
import static org.solidarityfunds.support.Api.json;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.console.HomePage;
import org.solidarityfunds.dev.DevConsoleSession;
import org.solidarityfunds.support.TestDatabase;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;

/**
 * The FEC's zone separator, the organisation's choice between the two the article allows: an
 * organisation that chose | gets its FEC so separated, header included, a file the reader
 * accepts, whose SHA-256 is its ETag; and a year closed while tab was chosen is downloaded with
 * tabs, the bytes its closing digested, after the choice changed. On a database of its own,
 * configured with pipe; the years close in order, 2020 (while tab was chosen) then 2021.
 */
@QuarkusTest
@TestProfile(FecSeparatorTest.PipeChosen.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FecSeparatorTest {

    /** An organisation that chose |, on a database of its own: this test closes its years. */
    public static class PipeChosen implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ledger.accounting.fec.separator", "pipe");
        }
    }

    private static final String FINANCE = TestTokens.as("sep-finance", Roles.FINANCE);
    private static final String AUDITOR = TestTokens.as("sep-auditor", Roles.AUDITOR);
    /** The FEC of 2020 as it was downloaded right after its closing, with tabs. */
    private static byte[] closedWithTabs;

    @Test
    @Order(1)
    void a_year_closed_while_tab_was_chosen_has_a_tab_separated_fec() throws Exception {
        String fund = TestFunds.open("SEP");
        String donor = TestFunds.donor("Commune de Séparation");
        TestFunds.contribution(fund, donor, 1_200_00, null, "2020-03-02");
        TestFunds.contribution(fund, donor, 800_00, null, "2021-04-01");
        // The service as it was configured then: the same writer, with tab chosen.
        QuarkusMock.installMockForType(new FecFile(Optional.empty(), "tab"), FecFile.class);

        close("2020");

        assertThat(keptSeparator("2020")).isEqualTo("tab");
        closedWithTabs = download("2020").asByteArray();
        assertThat(new String(closedWithTabs, FecFile.CHARSET)).startsWith(FecReader.HEADER + "\r\n").doesNotContain("|");
        assertThat(read("2020", closedWithTabs).separator()).isEqualTo('\t');
    }

    @Test
    @Order(2)
    void a_year_closed_while_pipe_is_chosen_has_a_pipe_separated_fec_whose_sha256_is_its_etag() throws Exception {
        close("2021");

        assertThat(keptSeparator("2021")).isEqualTo("pipe");
        ExtractableResponse<Response> answer = download("2021");
        byte[] bytes = answer.asByteArray();
        String text = new String(bytes, FecFile.CHARSET);
        assertThat(text).startsWith(FecReader.HEADER.replace('\t', '|') + "\r\n").doesNotContain("\t");
        FecReader.File fec = read("2021", bytes);
        assertThat(fec.separator()).isEqualTo('|');
        assertThat(fec.lines()).anyMatch(line -> line.compteNum().equals("512")
                && line.debit().compareTo(new BigDecimal("800.00")) == 0);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(answer.header("ETag")).isEqualTo("\"" + sha256 + "\"");

        assertThat(download("2021").asByteArray()).as("a re-export").isEqualTo(bytes);
        as(AUDITOR).accept("text/plain").header("If-None-Match", answer.header("ETag"))
                .get("/api/v1/accounting/fec/{year}", "2021").then().statusCode(304);
        as(AUDITOR).accept("text/plain").get("/api/v1/accounting/fec/{year}/description", "2021").then()
                .statusCode(200).body(containsString("Séparateur de zones : « | » (barre verticale)."))
                .body(containsString(sha256));
    }

    @Test
    @Order(3)
    void a_year_closed_with_tabs_is_downloaded_with_tabs_after_pipe_was_chosen() throws Exception {
        assertThat(closedWithTabs).as("2020, closed with tabs by this class's first test").isNotNull();
        ExtractableResponse<Response> answer = download("2020");

        assertThat(answer.asByteArray()).as("the bytes its closing wrote").isEqualTo(closedWithTabs);
        assertThat(answer.header("ETag")).isEqualTo("\"" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(closedWithTabs)) + "\"");
        byte[] console = given().cookie(DevConsoleSession.COOKIE, AUDITOR)
                .get(HomePage.ROOT + "/fiscal-years/{code}/fec", "2020").then().statusCode(200).extract()
                .asByteArray();
        assertThat(console).as("the console's download").isEqualTo(closedWithTabs);
        as(AUDITOR).accept("text/plain").get("/api/v1/accounting/fec/{year}/description", "2020").then()
                .statusCode(200).body(containsString("Séparateur de zones : tabulation."));
    }

    @Test
    void a_separator_other_than_tab_or_pipe_stops_the_service() {
        for (String separator : new String[] {"comma", "TAB", "|", "\t", " tab"}) {
            assertThatThrownBy(() -> new FecFile(Optional.empty(), separator)).as(separator)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("ledger.accounting.fec.separator is the FEC's zone separator: tab or pipe, not \""
                            + separator + "\"");
        }
    }

    private static ExtractableResponse<Response> download(String year) {
        return as(AUDITOR).accept("text/plain").get("/api/v1/accounting/fec/{year}", year).then().statusCode(200)
                .extract();
    }

    private static FecReader.File read(String year, byte[] bytes) {
        int number = Integer.parseInt(year);
        return FecReader.read("ASSOFEC" + year + "1231.txt", bytes,
                new FecReader.Expectations(LocalDate.of(number, 1, 1), LocalDate.of(number, 12, 31)));
    }

    /** The separator the year's closing kept, as the database has it. */
    private static String keptSeparator(String year) throws Exception {
        try (Connection db = TestDatabase.asSuperuser(); PreparedStatement query = db.prepareStatement("""
                SELECT c.fec_separator FROM year_end_closing c JOIN fiscal_year y ON y.id = c.fiscal_year_id
                 WHERE y.first_day = ?""")) {
            query.setObject(1, LocalDate.of(Integer.parseInt(year), 1, 1));
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).as("the closing of " + year).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static void close(String year) {
        json(FINANCE, Map.of("reason", "Comptes arrêtés")).post("/api/v1/fiscal-years/{code}/closing-request", year)
                .then().statusCode(200);
        json(AUDITOR, Map.of("reason", "Vérifié")).post("/api/v1/fiscal-years/{code}/closing-confirmation", year)
                .then().statusCode(200);
    }
}
