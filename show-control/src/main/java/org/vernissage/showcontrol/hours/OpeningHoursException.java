package org.vernissage.showcontrol.hours;

import java.nio.file.Path;

/**
 * The opening hours of a venue file could not be read: the message names the file, the field's
 * full path ({@code hours.week.tuesday[0]}), what was expected and what was found.
 */
public final class OpeningHoursException extends Exception {

    private static final long serialVersionUID = 1L;

    OpeningHoursException(Path file, String fieldPath, String expected, String found) {
        super(file + ": " + fieldPath + ": expected " + expected + ", found " + found);
    }

    OpeningHoursException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
    }
}
