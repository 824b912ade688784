package org.solidarityfunds.support;

import static org.solidarityfunds.support.Api.json;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh funds for each test, so that tests sharing one database never see each other's money. */
public final class TestFunds {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestFunds() {
    }

    /** A unique, valid fund code with the given prefix. */
    public static String newCode(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + NEXT.incrementAndGet();
    }

    /** Registers a commune through the API and answers its id. */
    public static String donor(String name) {
        return json(Map.of("kind", "COMMUNE", "name", name)).post("/api/v1/donors").then().statusCode(201)
                .extract().path("id");
    }

    /** Records a pledge as finance staff and answers its id. */
    public static String pledge(String fund, String donorId, long amountMinor) {
        return json(TestTokens.as("test-finance", org.solidarityfunds.access.Roles.FINANCE), Map.of(
                "donorId", donorId, "amount", Map.of("amountMinor", amountMinor, "currency", "EUR"),
                "pledgedOn", "2020-09-15")).post("/api/v1/funds/{code}/pledges", fund).then().statusCode(201)
                .extract().path("id");
    }

    /** Records a contribution as finance staff, allocated in full to the pledge if one is given, and answers its id. */
    public static String contribution(String fund, String donorId, long amountMinor, String pledgeId) {
        return contribution(fund, donorId, amountMinor, pledgeId, "2020-10-02");
    }

    /** The same, received on that day. */
    public static String contribution(String fund, String donorId, long amountMinor, String pledgeId,
            String receivedOn) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("donorId", donorId,
                "amount", Map.of("amountMinor", amountMinor, "currency", "EUR"),
                "receivedOn", receivedOn, "bankReference", "VIR-" + NEXT.incrementAndGet()));
        if (pledgeId != null) {
            body.put("allocations", java.util.List.of(Map.of("pledgeId", pledgeId, "amountMinor", amountMinor)));
        }
        return json(TestTokens.as("test-finance", org.solidarityfunds.access.Roles.FINANCE), body)
                .post("/api/v1/funds/{code}/contributions", fund).then().statusCode(201).extract().path("id");
    }

    /**
     * Sets the fund's committee through the API: these members (token subjects), seated from
     * 2020-01-01 with no end, the given quorum and a simple majority.
     */
    public static void committee(String fund, int quorum, String... members) {
        json(Map.of("members", java.util.Arrays.stream(members).map(m -> Map.of("subject", m, "name", "Membre " + m,
                "validFrom", "2020-01-01")).toList(), "quorum", quorum, "majority", "SIMPLE",
                "reason", "Comité de test")).put("/api/v1/funds/{code}/committee", fund).then().statusCode(200);
    }

    /** Requests a disbursement as finance staff and answers its id. */
    public static String disbursement(String fund, long amountMinor) {
        return json(TestTokens.as("test-finance", org.solidarityfunds.access.Roles.FINANCE), Map.of(
                "beneficiary", Map.of("name", "Commune de Dondo", "country", "MZ"),
                "purpose", "Réhabilitation", "amount", Map.of("amountMinor", amountMinor, "currency", "EUR")))
                .post("/api/v1/funds/{code}/disbursements", fund).then().statusCode(201).extract().path("id");
    }

    /** Casts a committee member's vote and answers the disbursement's status afterwards. */
    public static String vote(String disbursementId, String member, String choice) {
        return json(TestTokens.as(member, org.solidarityfunds.access.Roles.COMMITTEE), Map.of("vote", choice))
                .post("/api/v1/disbursements/{id}/votes", disbursementId).then().statusCode(200).extract().path("status");
    }

    /** Opens a fund through the API and answers its code. */
    public static String open(String prefix) {
        String code = newCode(prefix);
        json(Map.of("code", code, "name", "Fonds " + code)).post("/api/v1/funds").then().statusCode(201);
        return code;
    }
}
