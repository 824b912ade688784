package org.solidarityfunds.ledger.support;

import static org.solidarityfunds.ledger.support.Api.json;

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
        return json(TestTokens.as("test-finance", org.solidarityfunds.ledger.access.Roles.FINANCE), Map.of(
                "donorId", donorId, "amount", Map.of("amountMinor", amountMinor, "currency", "EUR"),
                "pledgedOn", "2020-09-15")).post("/api/v1/funds/{code}/pledges", fund).then().statusCode(201)
                .extract().path("id");
    }

    /** Records a contribution as finance staff, allocated in full to the pledge if one is given, and answers its id. */
    public static String contribution(String fund, String donorId, long amountMinor, String pledgeId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("donorId", donorId,
                "amount", Map.of("amountMinor", amountMinor, "currency", "EUR"),
                "receivedOn", "2020-10-02", "bankReference", "VIR-" + NEXT.incrementAndGet()));
        if (pledgeId != null) {
            body.put("allocations", java.util.List.of(Map.of("pledgeId", pledgeId, "amountMinor", amountMinor)));
        }
        return json(TestTokens.as("test-finance", org.solidarityfunds.ledger.access.Roles.FINANCE), body)
                .post("/api/v1/funds/{code}/contributions", fund).then().statusCode(201).extract().path("id");
    }

    /** Opens a fund through the API and answers its code. */
    public static String open(String prefix) {
        String code = newCode(prefix);
        json(Map.of("code", code, "name", "Fonds " + code)).post("/api/v1/funds").then().statusCode(201);
        return code;
    }
}
