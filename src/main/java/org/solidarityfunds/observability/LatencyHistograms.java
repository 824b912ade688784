package org.solidarityfunds.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.LongStream;

/**
 * Request latencies as Prometheus histograms (http_server_requests_seconds_bucket), which
 * replicas can be added up over, unlike per-instance percentiles. A dozen fixed buckets around
 * the targets of docs/operating/performance.md, rather than Micrometer's default seventy-odd,
 * since each is a series per route, method and status.
 */
@Singleton
public class LatencyHistograms {

    /** Bucket bounds, in milliseconds. */
    static final long[] BUCKETS_MILLIS = {5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000};

    @Produces
    @Singleton
    MeterFilter httpServerBuckets() {
        double[] bounds = LongStream.of(BUCKETS_MILLIS).mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(bounds).build().merge(config);
            }
        };
    }
}
