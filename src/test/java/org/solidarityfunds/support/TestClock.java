package org.solidarityfunds.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.solidarityfunds.common.Clocks;

/**
 * The application's clock in every {@code @QuarkusTest}, in place of the system clock that
 * {@code common/Clocks} produces: tests inject it and take every date and instant they send or
 * expect from it, never from the wall clock, so that the test and the service cannot disagree
 * on what day it is (issue #15).
 *
 * <p>It starts at {@link #START} and moves only in two ways: each reading is one microsecond
 * after the previous one, and a test may {@link #advance} it. One microsecond per reading
 * keeps what the service relies on from a real clock: instants recorded one after the other
 * differ and never go back (PostgreSQL keeps microseconds), so that balances {@code asOf} an
 * entry's instant, statements between two instants and the demo data's history (whose
 * entries the documentation's examples tell apart by instant) mean what they mean in
 * production. Crossing midnight in Paris would take billions of readings: "today" is the same
 * day for the whole run, for the tests and the service alike.
 *
 * <p>Why this instant. It is a constant, so that a failure shows the same dates on every run,
 * and it is far ahead of the wall clock, because two things compare the service's clock with
 * the wall clock: the tokens {@code POST /dev/tokens} mints expire at the service's clock plus
 * their lifetime, and the JWT library that verifies them (like every token of the tests, whose
 * {@code iat} and {@code exp} are signed with the wall clock, see TestTokens) reads the wall
 * clock; a service clock behind the wall clock would mint tokens already expired. It is noon
 * in Paris, inside the dates the service accepts ({@code BusinessDates}, up to 2099), with
 * room for the days the tests derive from it.
 *
 * <p>The database stamps no time of its own: every {@code recorded_at}, {@code created_at}
 * and {@code expires_at} is written by the service from this clock (no {@code now()} in the
 * migrations), so point-in-time queries never compare this clock with PostgreSQL's. Only the
 * packaged service of the {@code production/*IT} tests runs on the system clock, on funds of
 * its own. HostileInputTest, which injects {@code Clock}, gets this one too.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    /** 2090-06-15 12:00 in Paris (CEST). */
    public static final Instant START = Instant.parse("2090-06-15T10:00:00Z");

    /** The last instant read, in microseconds since the epoch; shared with the zoned views. */
    private final AtomicLong micros = new AtomicLong(START.getEpochSecond() * 1_000_000L);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Zoned(zone);
    }

    @Override
    public Instant instant() {
        return instantOf(micros.incrementAndGet());
    }

    /** Moves the clock forward, as time passing between two requests would. Never backwards. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the clock never goes back: " + duration);
        }
        micros.addAndGet(Math.multiplyExact(duration.getSeconds(), 1_000_000L) + duration.getNano() / 1_000);
    }

    /** Today in Paris, the day the service's date rules (not in the future, overdue) count from. */
    public LocalDate today() {
        return LocalDate.now(withZone(Clocks.BUSINESS_ZONE));
    }

    private static Instant instantOf(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    }

    /** This clock seen from another zone: the same readings. */
    private final class Zoned extends Clock {
        private final ZoneId zone;

        Zoned(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Zoned(other);
        }

        @Override
        public Instant instant() {
            return TestClock.this.instant();
        }
    }
}
