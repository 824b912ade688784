package org.solidarityfunds.ledger.support;

import io.quarkus.test.common.QuarkusTestResource;
import org.solidarityfunds.ledger.PostgresTestResource;

/** Declares the database of every @QuarkusTest (test resources apply to the whole suite). */
@QuarkusTestResource(PostgresTestResource.class)
public final class UsesPostgres {
    private UsesPostgres() {
    }
}
