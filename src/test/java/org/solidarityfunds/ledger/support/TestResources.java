package org.solidarityfunds.ledger.support;

import io.quarkus.test.common.QuarkusTestResource;
import org.solidarityfunds.ledger.AuthTestResource;
import org.solidarityfunds.ledger.PostgresTestResource;

/** Declares what every @QuarkusTest runs with (test resources apply to the whole suite). */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(AuthTestResource.class)
public final class TestResources {
    private TestResources() {
    }
}
