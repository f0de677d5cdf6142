package org.vernissage.app;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.vernissage.engine.journal.JournalHeader;

/**
 * When show time 0 fell on the wall clock, to the millisecond: the one reading a run takes of the
 * date. ISF's {@code DATE} counts show time from it, and a recording stores it as its journal's
 * {@code recordedAt}; a replay takes it back from there. So a replay draws the DATE the live run
 * drew, bit for bit, on any later day (in the replaying machine's time zone: the journal does not
 * store the recorder's). {@code --show-start} sets it for a run, so that a stepped capture of a
 * piece that reads the date comes out the same on any day.
 *
 * <p>Immutable; made once by the thread that assembles the run.
 *
 * @param instant show time 0, whole milliseconds (what the journal header can hold)
 */
record ShowStart(Instant instant) {

    /** Cut to the millisecond: a live run and its replay must read the same instant. */
    ShowStart {
        instant = instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A live run's: now. */
    static ShowStart now(InstantSource clock) {
        return new ShowStart(clock.instant());
    }

    /** A run told when show time 0 stands for ({@code --show-start}): {@code local} in {@code zone}. */
    static ShowStart at(LocalDateTime local, ZoneId zone) {
        return new ShowStart(local.atZone(zone).toInstant());
    }

    /** A replay's: the recording's start. */
    static ShowStart recordedIn(JournalHeader header) {
        return new ShowStart(Instant.ofEpochMilli(header.recordedAtEpochMillis()));
    }

    long epochMillis() {
        return instant.toEpochMilli();
    }

    /** The wall-clock date and time of show time 0 in {@code zone}, for ISF's DATE. */
    LocalDateTime in(ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone);
    }
}
