package org.vernissage.showcontrol.hours;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * When a venue is open: a weekly schedule in a named time zone, with exceptions for given dates
 * (a holiday closed, a late opening). Everything is computed on the zone's time line, so daylight
 * saving changes move no opening: a venue that opens at 10:00 opens at 10:00 local time on the
 * Sunday the clocks change, and that day is an hour shorter or longer.
 *
 * <p>Immutable once read ({@link OpeningHoursReader}); any thread. Questions take the instant to
 * ask about, never a clock of their own, so that a test can walk a whole year in milliseconds.
 */
public final class OpeningHours {

    /** How far {@link #nextChangeAfter} looks ahead: a venue closed for longer says "never". */
    static final int LOOKAHEAD_DAYS = 400;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Opening>> weekly;
    private final TreeMap<LocalDate, List<Opening>> exceptions;
    private final Transition opening;
    private final Transition closing;

    public OpeningHours(ZoneId zone, Map<DayOfWeek, List<Opening>> weekly,
                        Map<LocalDate, List<Opening>> exceptions, Transition opening, Transition closing) {
        this.zone = zone;
        this.weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            this.weekly.put(day, List.copyOf(weekly.getOrDefault(day, List.of())));
        }
        this.exceptions = new TreeMap<>();
        exceptions.forEach((date, openings) -> this.exceptions.put(date, List.copyOf(openings)));
        this.opening = opening;
        this.closing = closing;
    }

    public ZoneId zone() {
        return zone;
    }

    /** What the work does when the venue opens (a fade in, or a named cue). */
    public Transition opening() {
        return opening;
    }

    /** What the work does when the venue closes (a fade out to standby, or a named cue first). */
    public Transition closing() {
        return closing;
    }

    /** The openings that start on {@code day}: the exception for that date if any, else the week's. */
    public List<Opening> openingsOn(LocalDate day) {
        List<Opening> special = exceptions.get(day);
        return special != null ? special : weekly.get(day.getDayOfWeek());
    }

    /** Whether the venue is open at {@code instant} (an opening includes its start, not its end). */
    public boolean isOpenAt(Instant instant) {
        LocalDate today = instant.atZone(zone).toLocalDate();
        for (LocalDate day = today.minusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            for (Opening o : openingsOn(day)) {
                Instant start = o.startOn(day, zone).toInstant();
                Instant end = o.endOn(day, zone).toInstant();
                if (!instant.isBefore(start) && instant.isBefore(end)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The first instant after {@code instant} at which {@link #isOpenAt} changes, or empty when it
     * does not change within {@value #LOOKAHEAD_DAYS} days. Two openings that meet (22:00-24:00 then
     * 00:00-02:00) make no change at their meeting point.
     */
    public Optional<Instant> nextChangeAfter(Instant instant) {
        boolean now = isOpenAt(instant);
        LocalDate today = instant.atZone(zone).toLocalDate();
        for (LocalDate day = today.minusDays(1); day.isBefore(today.plusDays(LOOKAHEAD_DAYS)); day = day.plusDays(1)) {
            Instant first = changesOn(day, instant, null, now);
            if (first != null) {
                // an opening of this day may run past midnight, beyond a change of the next day
                return Optional.of(changesOn(day.plusDays(1), instant, first, now));
            }
        }
        return Optional.empty();
    }

    private Instant changesOn(LocalDate day, Instant instant, Instant best, boolean now) {
        for (Opening o : openingsOn(day)) {
            best = earliestAfter(instant, best, o.startOn(day, zone).toInstant(), now);
            best = earliestAfter(instant, best, o.endOn(day, zone).toInstant(), now);
        }
        return best;
    }

    /**
     * The earlier of {@code best} and {@code candidate}, when the candidate lies after
     * {@code instant} and the state there differs from {@code now}. The state is constant from
     * {@code instant} to the next change, so the earliest boundary where it differs is that change.
     */
    private Instant earliestAfter(Instant instant, Instant best, Instant candidate, boolean now) {
        if (!candidate.isAfter(instant) || isOpenAt(candidate) == now) {
            return best;
        }
        return best == null || candidate.isBefore(best) ? candidate : best;
    }

    /**
     * What happens at a change: a fade of {@code fadeSeconds}, and optionally a cue to run (by
     * number, as the cue list names it) instead of the plain fade.
     */
    public record Transition(double fadeSeconds, String cue) {

        public Optional<String> cueNumber() {
            return Optional.ofNullable(cue);
        }
    }
}
