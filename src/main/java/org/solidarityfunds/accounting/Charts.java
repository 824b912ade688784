package org.solidarityfunds.accounting;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The chart the service reads its ledger in: the association chart of ANC 2018-06 as shipped
 * (accounting/chart-fr-pca-2018.json), or the file {@code ledger.accounting.chart-file} names, in
 * the same shape, for an organisation whose accountant numbers its accounts otherwise. Read and
 * checked at startup: a chart that does not hold stops the service before any report uses it.
 */
public class Charts {

    static final String SHIPPED = "accounting/chart-fr-pca-2018.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    @Produces
    @Startup
    @Singleton
    Chart chart(@ConfigProperty(name = "ledger.accounting.chart-file") Optional<Path> file) {
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get())
                : Charts.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the chart " + file.map(Path::toString).orElse(SHIPPED) + " cannot be read", e);
        }
    }

    static Chart read(InputStream in) throws IOException {
        return JSON.readValue(in, Chart.class);
    }
}
