package org.vernissage.engine.render.isf;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * ISF's {@code DATE} (year, month, day, seconds since midnight) from the show time, not the wall
 * clock: the date at which show time 0 fell ({@code origin}, given by whoever starts the run) plus
 * the frame's show time. A stepped or replayed render thus sees the same DATE every time, and a
 * live run sees the real date (its origin is the real start). The calendar day is worked out only
 * when the day changes; every other frame is arithmetic.
 *
 * <p>Render thread only; owned by the {@link IsfArtwork}.
 */
final class DateUniform {

    private static final double DAY_SECONDS = 86_400.0;

    private final LocalDate originDay;
    private final double originSecondOfDay;
    private long cachedDayOffset = Long.MIN_VALUE;
    private float year;
    private float month;
    private float day;
    private float seconds;

    DateUniform(LocalDateTime origin) {
        this.originDay = origin.toLocalDate();
        this.originSecondOfDay = origin.toLocalTime().toNanoOfDay() / 1e9;
    }

    /** Moves to {@code showSeconds} after the origin. */
    void at(double showSeconds) {
        double sinceMidnight = originSecondOfDay + showSeconds;
        long dayOffset = (long) Math.floor(sinceMidnight / DAY_SECONDS);
        if (dayOffset != cachedDayOffset) {
            LocalDate date = originDay.plusDays(dayOffset);
            year = date.getYear();
            month = date.getMonthValue();
            day = date.getDayOfMonth();
            cachedDayOffset = dayOffset;
        }
        seconds = (float) (sinceMidnight - dayOffset * DAY_SECONDS);
    }

    float year() {
        return year;
    }

    float month() {
        return month;
    }

    float day() {
        return day;
    }

    float seconds() {
        return seconds;
    }
}
