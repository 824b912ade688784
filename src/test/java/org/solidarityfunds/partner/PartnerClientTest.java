package org.solidarityfunds.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.solidarityfunds.access.Roles;
import org.solidarityfunds.support.TestFunds;
import org.solidarityfunds.support.TestTokens;
import org.solidarityfunds.partnerclient.ApiClient;
import org.solidarityfunds.partnerclient.ApiException;
import org.solidarityfunds.partnerclient.ApiResponse;
import org.solidarityfunds.partnerclient.api.ChangeFeedApi;
import org.solidarityfunds.partnerclient.api.FundsApi;
import org.solidarityfunds.partnerclient.api.LedgerApi;
import org.solidarityfunds.partnerclient.model.EventPage;
import org.solidarityfunds.partnerclient.model.FundBalance;
import org.solidarityfunds.partnerclient.model.LedgerEvent;
import org.solidarityfunds.partnerclient.model.Statement;

/**
 * A partner system's integration, written against the Java client that the build generates
 * from openapi/openapi.yaml (openapi-generator, library "native"): if the contract and the
 * service disagree, this is where a partner would find out.
 */
@QuarkusTest
class PartnerClientTest {

    @TestHTTPResource("/")
    URL service;

    private ApiClient clientFor(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void a_partner_reads_its_funds_balances_a_statement_and_the_change_feed_with_the_generated_client()
            throws Exception {
        String fund = TestFunds.open("CLIENT");
        String other = TestFunds.open("CLIENTX");
        String donor = TestFunds.donor("Ville partenaire");
        String pledge = TestFunds.pledge(fund, donor, 300_00);
        TestFunds.contribution(fund, donor, 120_00, pledge);
        ApiClient client = clientFor(TestTokens.as("partner-client", Roles.PARTNER, fund));
        FundsApi funds = new FundsApi(client);
        LedgerApi ledger = new LedgerApi(client);

        assertThat(funds.listFunds(null, 200).getItems()).extracting(f -> f.getCode()).containsExactly(fund);
        assertThat(funds.getFund(fund, null).getStatus().getValue()).isEqualTo("OPEN");
        ApiException hidden = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> funds.getFund(other, null));
        assertThat(hidden.getCode()).isEqualTo(404);
        assertThat(hidden.getResponseBody()).contains("#fund-not-found");

        ApiResponse<FundBalance> balance = ledger.getFundBalanceWithHttpInfo(fund, null, null, null);
        assertThat(balance.getData().getReceived().getAmountMinor()).isEqualTo(120_00L);
        assertThat(balance.getData().getOutstandingPledges().getAmountMinor()).isEqualTo(180_00L);
        assertThat(balance.getData().getEntryCount()).isEqualTo(2L);
        String etag = balance.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("ETag"))
                .findFirst().orElseThrow().getValue().get(0);
        ApiException notModified = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> ledger.getFundBalance(fund, null, null, etag));
        assertThat(notModified.getCode()).isEqualTo(304);
        FundBalance before = ledger.getFundBalance(fund, OffsetDateTime.parse("2020-01-01T00:00:00Z"), null, null);
        assertThat(before.getEntryCount()).isZero();
        assertThat(before.getReceived().getAmountMinor()).isZero();

        Statement statement = ledger.getFundStatement(fund, null, null);
        assertThat(statement.getMovements()).hasSize(6);
        assertThat(statement.getClosing().getBank().getAmountMinor()).isEqualTo(120_00L);
        assertThat(statement.getClosing().getPledgesReceivable().getAmountMinor()).isEqualTo(180_00L);

        ChangeFeedApi feed = new ChangeFeedApi(client);
        List<LedgerEvent> events = new ArrayList<>();
        String cursor = null;
        EventPage page;
        do {
            page = feed.listEvents(cursor, 1);
            events.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (Boolean.TRUE.equals(page.getHasMore()));
        assertThat(events).extracting(LedgerEvent::getFundCode).containsOnly(fund);
        assertThat(events).extracting(LedgerEvent::getType).containsExactly("PLEDGE_RECORDED", "CONTRIBUTION_RECEIVED");
        assertThat(feed.listEvents(cursor, 50).getItems()).as("nothing new after the last cursor").isEmpty();
        assertThat(feed.listEvents(cursor, 50).getNextCursor()).isEqualTo(cursor);
    }

    @Test
    void the_generated_client_surfaces_problems_as_the_contract_describes_them() {
        ApiClient client = clientFor(TestTokens.as("partner-client-none", Roles.PARTNER));
        assertThatThrownBy(() -> new LedgerApi(client).getFundBalance("NO-SUCH-FUND", null, null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("\"status\":404").contains("#fund-not-found");
                });
        assertThatThrownBy(() -> new ChangeFeedApi(clientFor("not-a-token")).listEvents(null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(401));
    }
}
