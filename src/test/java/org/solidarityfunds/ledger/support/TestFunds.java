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

    /** Opens a fund through the API and answers its code. */
    public static String open(String prefix) {
        String code = newCode(prefix);
        json(Map.of("code", code, "name", "Fonds " + code)).post("/api/v1/funds").then().statusCode(201);
        return code;
    }
}
