package org.vernissage.showcontrol.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Opening hours on the venue's time line: a whole week walked minute by minute against the sign on
 * the door, both daylight-saving changes of 2026 in Paris, night openings past midnight, exceptions,
 * and the reader's messages.
 */
class OpeningHoursTest {

    private static final Path FILE = Path.of("venue.json");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static OpeningHours read(String json) throws Exception {
        JsonNode node = new ObjectMapper().readTree(json.replace('\'', '"'));
        return OpeningHoursReader.read(FILE, node);
    }

    private static final String MUSEUM = "{'timeZone': 'Europe/Paris',"
            + " 'week': {'tuesday': ['10:00-18:00'], 'wednesday': ['10:00-18:00'], 'thursday': ['10:00-21:00'],"
            + "  'friday': ['10:00-18:00'], 'saturday': ['10:00-18:00', '22:00-02:00'], 'sunday': ['10:00-18:00']},"
            + " 'exceptions': {'2026-12-25': [], '2026-12-31': ['10:00-16:00'], '2026-10-24': ['10:00-18:00', '22:00-03:00']},"
            + " 'opening': {'fade': 5}, 'closing': {'fade': 12, 'cue': '99'}}";

    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    /** The sign on the door, in local time, written independently of the class under test. */
    private static boolean signSaysOpen(ZonedDateTime t) {
        int minute = t.getHour() * 60 + t.getMinute();
        boolean day = minute >= 600 && minute < 1080;
        return switch (t.getDayOfWeek()) {
            case MONDAY -> false;
            case THURSDAY -> minute >= 600 && minute < 1260;
            case SATURDAY -> day || minute >= 1320;
            case SUNDAY -> day || minute < 120; // Saturday night runs to 02:00
            default -> day;
        };
    }

    @Test
    void aWholeWeekMinuteByMinuteMatchesTheSignAndEveryChangeIsFoundInOrder() throws Exception {
        OpeningHours hours = read(MUSEUM);
        Instant start = paris("2026-06-08T00:00"); // a Monday, no exception, no clock change
        List<Instant> expectedChanges = new ArrayList<>();
        boolean previous = hours.isOpenAt(start);
        for (int m = 0; m <= 7 * 24 * 60; m++) {
            Instant t = start.plus(Duration.ofMinutes(m));
            boolean open = hours.isOpenAt(t);
            assertEquals(signSaysOpen(t.atZone(PARIS)), open, "at " + t.atZone(PARIS));
            if (m > 0 && open != previous) {
                expectedChanges.add(t);
            }
            previous = open;
        }
        List<Instant> found = new ArrayList<>();
        Instant at = start;
        for (Optional<Instant> next = hours.nextChangeAfter(at); next.isPresent()
                && !next.get().isAfter(start.plus(Duration.ofDays(7))); next = hours.nextChangeAfter(at)) {
            at = next.get();
            found.add(at);
        }
        assertEquals(expectedChanges, found);
        assertEquals(14, found.size(), "seven openings and closings: six days, Saturday's two, none on Monday");
    }

    @Test
    void springForwardKeepsTenOClockAndTheNightOpeningEndsWhenTheClockJumps() throws Exception {
        OpeningHours hours = read(MUSEUM);
        // Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST
        assertEquals(Optional.of(Instant.parse("2026-03-29T08:00:00Z")),
                hours.nextChangeAfter(Instant.parse("2026-03-29T05:00:00Z")), "10:00 CEST");
        assertEquals(Optional.of(Instant.parse("2026-03-28T09:00:00Z")),
                hours.nextChangeAfter(Instant.parse("2026-03-28T05:00:00Z")), "10:00 CET the day before");
        // Saturday night 22:00 CET to "02:00", which does not exist that night: it ends at 03:00 CEST
        assertTrue(hours.isOpenAt(Instant.parse("2026-03-29T00:59:00Z")));
        assertEquals(Optional.of(Instant.parse("2026-03-29T01:00:00Z")),
                hours.nextChangeAfter(Instant.parse("2026-03-28T21:30:00Z")));
    }

    @Test
    void fallBackKeepsTenOClockAndTheLongNightLastsAnHourMore() throws Exception {
        OpeningHours hours = read(MUSEUM);
        // Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET; the exception runs 22:00 to 03:00
        Instant nightStart = Instant.parse("2026-10-24T20:00:00Z"); // 22:00 CEST
        assertEquals(Optional.of(nightStart), hours.nextChangeAfter(Instant.parse("2026-10-24T17:00:00Z")));
        Instant nightEnd = hours.nextChangeAfter(nightStart).orElseThrow();
        assertEquals(Instant.parse("2026-10-25T02:00:00Z"), nightEnd, "03:00 CET, after the repeated hour");
        assertEquals(Duration.ofHours(6), Duration.between(nightStart, nightEnd));
        assertEquals(Optional.of(Instant.parse("2026-10-25T09:00:00Z")), hours.nextChangeAfter(nightEnd), "10:00 CET");
    }

    @Test
    void exceptionsCloseAHolidayAndShortenNewYearsEve() throws Exception {
        OpeningHours hours = read(MUSEUM);
        assertFalse(hours.isOpenAt(paris("2026-12-25T12:00")), "Christmas is a Friday, closed by exception");
        assertTrue(hours.isOpenAt(paris("2026-12-24T12:00")));
        assertTrue(hours.isOpenAt(paris("2026-12-31T15:59")));
        assertFalse(hours.isOpenAt(paris("2026-12-31T16:00")), "an opening excludes its end");
        assertEquals(12.0, hours.closing().fadeSeconds());
        assertEquals(Optional.of("99"), hours.closing().cueNumber());
    }

    @Test
    void aVenueThatNeverOpensHasNoNextChange() throws Exception {
        OpeningHours hours = read("{'timeZone': 'America/Montreal', 'week': {}}");
        assertEquals(Optional.empty(), hours.nextChangeAfter(Instant.parse("2026-12-05T12:00:00Z")));
        assertFalse(hours.isOpenAt(Instant.parse("2026-12-05T12:00:00Z")));
    }

    @Test
    void mistakesNameTheFieldAndWhatWasExpected() {
        assertMessage("{'timeZone': '+01:00', 'week': {}}", "venue.json: hours.timeZone: expected a region");
        assertMessage("{'timeZone': 'Europe/Pariss', 'week': {}}", "hours.timeZone: expected a time-zone region");
        assertMessage("{'timeZone': 'Europe/Paris', 'week': {'tuesdy': []}}", "hours.week.tuesdy");
        assertMessage("{'timeZone': 'Europe/Paris', 'week': {'tuesday': ['10h-18h']}}",
                "hours.week.tuesday[0]: expected an opening \"HH:MM-HH:MM\"");
        assertMessage("{'timeZone': 'Europe/Paris', 'week': {'tuesday': ['25:00-18:00']}}", "hours 00-23");
        assertMessage("{'timeZone': 'Europe/Paris', 'week': {}, 'exceptions': {'25/12': []}}",
                "hours.exceptions.25/12: expected a date");
        assertMessage("{'timeZone': 'Europe/Paris', 'week': {}, 'closing': {'fade': -1}}", "hours.closing.fade");
        assertMessage("{'week': {}}", "hours.timeZone");
    }

    private static void assertMessage(String json, String expected) {
        Exception e = assertThrows(OpeningHoursException.class, () -> read(json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
