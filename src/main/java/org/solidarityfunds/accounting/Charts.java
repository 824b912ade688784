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

    /**
     * The chart a closing kept. One kept before payments in tranches (V13) has no account for a
     * payment's bank charges or exchange differences; its year can have no such entry, so the
     * shipped chart's accounts for them are added, with their labels, and its own left as they were.
     */
    static Chart read(String json) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode kept =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(json);
            if (!kept.has("bankCharges")) {
                Chart shipped;
                try (InputStream in = Charts.class.getClassLoader().getResourceAsStream(SHIPPED)) {
                    shipped = read(in);
                }
                com.fasterxml.jackson.databind.node.ObjectNode accounts =
                        (com.fasterxml.jackson.databind.node.ObjectNode) kept.get("accounts");
                for (String account : java.util.List.of(shipped.bankCharges(), shipped.exchangeLosses(),
                        shipped.exchangeGains())) {
                    if (!accounts.has(account)) {
                        accounts.put(account, shipped.labelOf(account));
                    }
                }
                kept.put("bankCharges", shipped.bankCharges()).put("exchangeLosses", shipped.exchangeLosses())
                        .put("exchangeGains", shipped.exchangeGains());
            }
            return JSON.treeToValue(kept, Chart.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a closing's chart cannot be read", e);
        } catch (ClassCastException e) {
            throw new IllegalStateException("a closing's chart is not a chart's JSON object", e);
        }
    }
}
