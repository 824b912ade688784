package org.solidarityfunds.ledger.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Production never makes do with a database of its own: without one named, it refuses to start. */
class ProductionWithoutDatabaseIT {

    @Test
    void without_a_datasource_url_the_packaged_service_stops_with_a_clear_message() throws Exception {
        Path log = Files.createTempFile("prod-without-db", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_"));
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        Process service = builder.start();
        boolean exited = service.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            service.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(exited).as("the service stops by itself").isTrue();
        assertThat(service.exitValue()).isNotZero();
        assertThat(output).contains("quarkus.datasource.jdbc.url").doesNotContain("EmbeddedPostgres", "postmaster");
    }
}
