package org.vernissage.showcontrol.msc;

import java.util.Optional;

/**
 * One MIDI Show Control command as a console sent it (MMA RP-002): what to do, and to which cue.
 * Cue numbers, lists and paths are kept as the console wrote them ("25.5"), since show cue numbers
 * are names with dots, not numbers to do arithmetic on.
 *
 * @param deviceId the device the message was addressed to (0-0x6F one device, 0x70-0x7E a group,
 *     0x7F everyone)
 * @param commandFormat the kind of equipment addressed (0x01 lighting, 0x10 sound, 0x7F all...)
 * @param command what to do
 * @param cue the cue number, or empty (GO with no number: the next cue)
 * @param list the cue list, or empty
 * @param path the cue path, or empty
 * @param timeNanos TIMED_GO's and SET's time code as nanoseconds, or -1 when none was sent
 * @param control SET's control number (0-16383), or -1
 * @param value SET's value (0-16383), or -1
 */
public record MscCommand(int deviceId, int commandFormat, Kind command, Optional<String> cue, Optional<String> list,
                         Optional<String> path, long timeNanos, int control, int value) {

    /** The commands the engine acts on; RP-002 numbers in {@link #code()}. */
    public enum Kind {
        GO(0x01), STOP(0x02), RESUME(0x03), TIMED_GO(0x04), LOAD(0x05), SET(0x06), FIRE(0x07), ALL_OFF(0x08),
        RESTORE(0x09), RESET(0x0A), GO_OFF(0x0B);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        static Optional<Kind> of(int code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(command.name());
        cue.ifPresent(c -> text.append(" cue ").append(c));
        list.ifPresent(l -> text.append(" list ").append(l));
        path.ifPresent(p -> text.append(" path ").append(p));
        if (control >= 0) {
            text.append(" control ").append(control).append(" = ").append(value);
        }
        if (timeNanos >= 0) {
            text.append(" at ").append(timeNanos / 1_000_000).append(" ms");
        }
        return text.append(" (device ").append(deviceId).append(')').toString();
    }
}
