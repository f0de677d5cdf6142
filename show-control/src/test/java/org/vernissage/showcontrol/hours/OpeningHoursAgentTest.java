package org.vernissage.showcontrol.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The opening-hours agent on an injected clock: a week around each 2026 daylight-saving change in
 * Paris, stepped a minute at a time, tells exactly the openings and closings at their local times,
 * and a clock that jumps lands in the right state.
 */
class OpeningHoursAgentTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String HOURS = "{'timeZone': 'Europe/Paris', 'week': {"
            + "'tuesday': ['10:00-18:00'], 'wednesday': ['10:00-18:00'], 'thursday': ['10:00-21:00'],"
            + "'friday': ['10:00-18:00'], 'saturday': ['10:00-18:00'], 'sunday': ['10:00-18:00']},"
            + "'opening': {'fade': 4}, 'closing': {'fade': 8}}";

    /** A clock the test moves. */
    private static final class SteppedClock implements InstantSource {
        Instant now;

        SteppedClock(Instant start) {
            now = start;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** What the agent told, as "open|close local-time fade [at start]". */
    private static final class Told implements OpeningListener {
        final List<String> lines = new ArrayList<>();
        final SteppedClock clock;

        Told(SteppedClock clock) {
            this.clock = clock;
        }

        @Override
        public void opened(OpeningHours.Transition transition, boolean atStart) {
            lines.add("open " + local() + " " + transition.fadeSeconds() + (atStart ? " at start" : ""));
        }

        @Override
        public void closed(OpeningHours.Transition transition, boolean atStart) {
            lines.add("close " + local() + " " + transition.fadeSeconds() + (atStart ? " at start" : ""));
        }

        private String local() {
            return clock.now.atZone(PARIS).toLocalDateTime().toString();
        }
    }

    private static OpeningHours hours() throws Exception {
        return OpeningHoursReader.read(Path.of("venue.json"), new ObjectMapper().readTree(HOURS.replace('\'', '"')));
    }

    private static List<String> walkAWeek(Instant start) throws Exception {
        SteppedClock clock = new SteppedClock(start);
        Told told = new Told(clock);
        OpeningHoursAgent agent = new OpeningHoursAgent(hours(), clock, told);
        agent.onStart();
        for (int minute = 0; minute < 7 * 24 * 60; minute++) {
            clock.now = clock.now.plus(Duration.ofMinutes(1));
            agent.doWork();
        }
        return told.lines;
    }

    @Test
    void theSpringForwardWeekOpensAndClosesAtTheLocalTimesOnTheDoor() throws Exception {
        List<String> lines = walkAWeek(Instant.parse("2026-03-23T00:00:00Z")); // Monday 01:00 CET
        assertEquals("close 2026-03-23T01:00 8.0 at start", lines.get(0));
        assertEquals(List.of("open 2026-03-24T10:00 4.0", "close 2026-03-24T18:00 8.0",
                "open 2026-03-25T10:00 4.0", "close 2026-03-25T18:00 8.0",
                "open 2026-03-26T10:00 4.0", "close 2026-03-26T21:00 8.0",
                "open 2026-03-27T10:00 4.0", "close 2026-03-27T18:00 8.0",
                "open 2026-03-28T10:00 4.0", "close 2026-03-28T18:00 8.0",
                "open 2026-03-29T10:00 4.0", "close 2026-03-29T18:00 8.0"), lines.subList(1, lines.size()),
                "Sunday the 29th, the day the clocks go forward, still opens at 10:00");
    }

    @Test
    void theFallBackWeekOpensAndClosesAtTheLocalTimesOnTheDoor() throws Exception {
        List<String> lines = walkAWeek(Instant.parse("2026-10-19T00:00:00Z")); // Monday 02:00 CEST
        assertEquals(13, lines.size(), String.join("\n", lines));
        assertEquals("open 2026-10-25T10:00 4.0", lines.get(11), "Sunday the 25th, clocks back, opens at 10:00");
        assertEquals("close 2026-10-25T18:00 8.0", lines.get(12));
    }

    @Test
    void startingDuringOpeningHoursOpensAtOnceAndAClockJumpLandsInTheRightState() throws Exception {
        SteppedClock clock = new SteppedClock(Instant.parse("2026-12-08T11:00:00Z")); // Tuesday 12:00
        Told told = new Told(clock);
        OpeningHoursAgent agent = new OpeningHoursAgent(hours(), clock, told);
        agent.onStart();
        assertTrue(agent.open());
        assertEquals(Instant.parse("2026-12-08T17:00:00Z"), agent.nextChange().orElseThrow());
        clock.now = Instant.parse("2026-12-09T05:00:00Z"); // the machine slept through the evening
        assertEquals(1, agent.doWork());
        assertFalse(agent.open());
        assertEquals(0, agent.doWork(), "told once");
        assertEquals(List.of("open 2026-12-08T12:00 4.0 at start", "close 2026-12-09T06:00 8.0"), told.lines);
    }

    @Test
    void aClockThatGoesBackBeforeTheOpeningClosesAgainAtTheNextLook() throws Exception {
        SteppedClock clock = new SteppedClock(Instant.parse("2026-12-08T09:00:05Z")); // Tuesday 10:00:05
        Told told = new Told(clock);
        OpeningHoursAgent agent = new OpeningHoursAgent(hours(), clock, told);
        agent.onStart();
        assertTrue(agent.open());
        // A time server's correction: it was 09:59 in Paris after all. The next change (18:00) is
        // still ahead, but the state must be worked out again.
        clock.now = Instant.parse("2026-12-08T08:59:00Z");
        assertEquals(1, agent.doWork());
        assertFalse(agent.open());
        assertEquals(Instant.parse("2026-12-08T09:00:00Z"), agent.nextChange().orElseThrow(), "opens in a minute");
        clock.now = Instant.parse("2026-12-08T09:00:00Z");
        assertEquals(1, agent.doWork(), "and opens at 10:00 again");
        assertEquals(List.of("open 2026-12-08T10:00:05 4.0 at start", "close 2026-12-08T09:59 8.0",
                "open 2026-12-08T10:00 4.0"), told.lines);
    }
}
