package org.vernissage.showcontrol.hours;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One opening of a day, from {@code from} to {@code to} in the venue's local time. An end at or
 * before the start runs past midnight into the next day ("22:00" to "03:00" for a night opening);
 * "00:00" as an end is midnight at the end of the day.
 *
 * <p>Immutable; any thread.
 */
public record Opening(LocalTime from, LocalTime to) {

    /** When this opening starts on {@code day}, as an instant of the zone's time line. */
    ZonedDateTime startOn(LocalDate day, ZoneId zone) {
        return local(day, from, zone);
    }

    /** When this opening (starting on {@code day}) ends. */
    ZonedDateTime endOn(LocalDate day, ZoneId zone) {
        return local(to.isAfter(from) ? day : day.plusDays(1), to, zone);
    }

    /**
     * A local time on the time line. In the spring gap (a local time that does not exist) it is
     * moved on by the gap's length, so a 02:30 opening starts at 03:30; in the autumn overlap (a
     * local time that happens twice) it is the first of the two: java.time's rules, which are what a
     * visitor reading the sign on the door expects.
     */
    private static ZonedDateTime local(LocalDate day, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(day, time, zone);
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
