package org.vernissage.showcontrol.hours;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code "hours"} object of a venue file into {@link OpeningHours}:
 * <pre>
 * "hours": {
 *   "timeZone": "Europe/Paris",
 *   "week": { "tuesday": ["10:00-18:00"], "thursday": ["10:00-21:00"], "saturday": ["10:00-18:00"] },
 *   "exceptions": { "2026-12-25": [], "2026-12-31": ["10:00-16:00"] },
 *   "opening": { "fade": 5 },
 *   "closing": { "fade": 10, "cue": "99" }
 * }
 * </pre>
 * A day missing from {@code week} is closed; an exception replaces its date's openings (an empty
 * list closes it). An opening is "HH:MM-HH:MM"; an end at or before the start runs past midnight.
 * The zone is a region name (not an offset such as "+01:00", which would ignore daylight saving).
 *
 * <p>Loading thread only; holds nothing between calls.
 */
public final class OpeningHoursReader {

    private static final List<String> TOP = List.of("timeZone", "week", "exceptions", "opening", "closing");
    private static final List<String> TRANSITION = List.of("fade", "cue");
    private static final Pattern SPAN = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");
    private static final double MAX_FADE_SECONDS = 3600;
    private static final String SPAN_EXPECTED = "an opening \"HH:MM-HH:MM\", e.g. \"10:00-18:00\"";

    private OpeningHoursReader() {
    }

    /**
     * @param file the venue file, for messages
     * @param hours the {@code hours} object
     */
    public static OpeningHours read(Path file, JsonNode hours) throws OpeningHoursException {
        HoursFields top = HoursFields.of(file, "hours", hours, "an object {\"timeZone\", \"week\", ...}");
        top.allowOnly(TOP);
        ZoneId zone = zone(top);
        Map<DayOfWeek, List<Opening>> week = week(top.requiredObject("week",
                "an object of days, e.g. {\"tuesday\": [\"10:00-18:00\"]}"));
        Map<LocalDate, List<Opening>> exceptions = exceptions(top.optionalObject("exceptions",
                "an object of dates, e.g. {\"2026-12-25\": []}"), top.get("exceptions"));
        return new OpeningHours(zone, week, exceptions, transition(top, "opening"), transition(top, "closing"));
    }

    private static ZoneId zone(HoursFields top) throws OpeningHoursException {
        String name = top.requiredText("timeZone");
        try {
            if (name.startsWith("+") || name.startsWith("-") || name.matches("(?i)(UTC|GMT)[+-].*")) {
                throw top.error("timeZone", "a region such as \"Europe/Paris\" (an offset ignores daylight saving)");
            }
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw top.error("timeZone", "a time-zone region such as \"Europe/Paris\" or \"America/Montreal\"");
        }
    }

    private static Map<DayOfWeek, List<Opening>> week(HoursFields week) throws OpeningHoursException {
        List<String> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(day.name().toLowerCase(Locale.ROOT));
        }
        week.allowOnly(days);
        Map<DayOfWeek, List<Opening>> openings = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase(Locale.ROOT);
            if (week.has(name)) {
                openings.put(day, spans(week, name));
            }
        }
        return openings;
    }

    private static Map<LocalDate, List<Opening>> exceptions(HoursFields exceptions, JsonNode node)
            throws OpeningHoursException {
        Map<LocalDate, List<Opening>> byDate = new HashMap<>();
        if (exceptions == null) {
            return byDate;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            try {
                byDate.put(LocalDate.parse(name), spans(exceptions, name));
            } catch (DateTimeParseException e) {
                throw exceptions.error(name, "a date \"YYYY-MM-DD\" as the key", "'" + name + "'");
            }
        }
        return byDate;
    }

    private static List<Opening> spans(HoursFields parent, String field) throws OpeningHoursException {
        JsonNode list = parent.get(field);
        if (!list.isArray()) {
            throw parent.error(field, "a list of openings, e.g. [\"10:00-18:00\"] ([] for closed)");
        }
        List<Opening> openings = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            openings.add(span(parent, field + "[" + i + "]", list.get(i)));
        }
        return openings;
    }

    private static Opening span(HoursFields parent, String at, JsonNode value) throws OpeningHoursException {
        Matcher m = value.isTextual() ? SPAN.matcher(value.asText()) : null;
        if (m == null || !m.matches()) {
            throw parent.error(at, SPAN_EXPECTED, HoursFields.found(value));
        }
        try {
            LocalTime from = LocalTime.parse(m.group(1));
            LocalTime to = LocalTime.parse(m.group(2));
            if (from.equals(to)) {
                throw parent.error(at, "an opening that lasts (\"00:00-00:00\" is not a day: write two openings"
                        + " or use \"00:00-23:59\")", HoursFields.found(value));
            }
            return new Opening(from, to);
        } catch (DateTimeParseException e) {
            throw parent.error(at, SPAN_EXPECTED + " with hours 00-23 and minutes 00-59", HoursFields.found(value));
        }
    }

    private static OpeningHours.Transition transition(HoursFields top, String field) throws OpeningHoursException {
        HoursFields t = top.optionalObject(field, "an object {\"fade\": seconds, \"cue\": \"number\"}");
        if (t == null) {
            return new OpeningHours.Transition(field.equals("opening") ? 5 : 10, null);
        }
        t.allowOnly(TRANSITION);
        double fade = t.optionalNumber("fade", 0, MAX_FADE_SECONDS, 5, "seconds from 0 to " + MAX_FADE_SECONDS);
        String cue = t.has("cue") ? t.requiredText("cue") : null;
        return new OpeningHours.Transition(fade, cue);
    }
}
