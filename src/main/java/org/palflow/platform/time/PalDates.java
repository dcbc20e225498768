package org.palflow.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.palflow.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/** Dates as pages write them, in Massachusetts time: "March 4, 2027", "March 4, 2027, 9:15 AM". */
@Component("palDates")
public class PalDates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a",
            Locale.US);

    private final PlatformProperties properties;

    PalDates(PlatformProperties properties) {
        this.properties = properties;
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(properties.zone()));
    }

    /** How long something has waited, to the largest two units: "3 days 4 hours", "12 minutes". */
    public String duration(java.time.Duration duration) {
        if (duration == null) {
            return "";
        }
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return plural(days, "day") + (hours > 0 ? " " + plural(hours, "hour") : "");
        }
        if (hours > 0) {
            return plural(hours, "hour") + (minutes > 0 ? " " + plural(minutes, "minute") : "");
        }
        return minutes > 0 ? plural(minutes, "minute") : "under a minute";
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
