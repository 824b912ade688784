package org.solidarityfunds.statement;

import java.time.Instant;
import java.util.Currency;

/** What a statement covers: a fund and the half-open period [from, to) of the instants its entries were recorded. */
record Period(long fundId, String fundCode, Currency currency, Instant from, Instant to) {
}
