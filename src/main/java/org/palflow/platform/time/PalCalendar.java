package org.palflow.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.palflow.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/**
 * PAL's dates are Massachusetts dates ({@code pal.zone}): deadlines, report dates, score validity and waiting
 * periods. One place turns the app's clock into those dates and back.
 */
@Component
public class PalCalendar {

    private final Clock clock;
    private final ZoneId zone;

    PalCalendar(Clock clock, PlatformProperties properties) {
        this.clock = clock;
        this.zone = properties.zone();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }
}
