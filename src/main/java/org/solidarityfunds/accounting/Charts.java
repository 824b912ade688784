package org.solidarityfunds.accounting;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

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

    /** The chart as a closing keeps it, to read its year in the same chart however the service is configured later. */
    static String write(Chart chart) {
        try {
            return JSON.writeValueAsString(chart);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Chart read(String json) {
        try {
            return JSON.readValue(json, Chart.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a closing's chart cannot be read", e);
        }
    }
}
