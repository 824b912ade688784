package org.solidarityfunds.support;

import io.quarkus.test.common.QuarkusTestResource;
import org.solidarityfunds.AuthTestResource;
import org.solidarityfunds.PostgresTestResource;

/** Declares what every @QuarkusTest runs with (test resources apply to the whole suite). */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(AuthTestResource.class)
public final class TestResources {
    private TestResources() {
    }
}
