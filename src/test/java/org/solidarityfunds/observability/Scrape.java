package org.solidarityfunds.observability;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of /q/metrics, as Prometheus reads it: a sample per series. */
record Scrape(Map<String, Double> samples) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$");

    static Scrape now() {
        String text = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches()) {
                samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
            }
        }
        return new Scrape(samples);
    }

    /**
     * The sum of the samples of this metric whose labels include all of these ({@code name="value"}
     * strings); 0 when there are none, as for a counter not yet incremented.
     */
    double value(String metric, String... labels) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().equals(metric) || e.getKey().startsWith(metric + "{"))
                .filter(e -> Arrays.stream(labels).allMatch(label -> e.getKey().contains(label)))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** Whether a series of this metric with these labels is exposed at all. */
    boolean has(String metric, String... labels) {
        return samples.keySet().stream()
                .filter(key -> key.equals(metric) || key.startsWith(metric + "{"))
                .anyMatch(key -> Arrays.stream(labels).allMatch(key::contains));
    }
}
