package org.solidarityfunds.common;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** Time comes from one injectable clock, so that tests can reason about it. */
public class Clocks {

    /** Business dates (effective dates of entries) are those of the French funds' own calendar. */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Paris");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
