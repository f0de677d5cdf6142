package org.vernissage.showcontrol.msc;

import java.util.Optional;

/**
 * Reads MIDI Show Control SysEx messages (MMA RP-002):
 * <pre>
 *   F0 7F &lt;device id&gt; 02 &lt;command format&gt; &lt;command&gt; &lt;data ...&gt; F7
 *
 *   GO, STOP, RESUME, LOAD, FIRE...  data: [cue number [00 cue list [00 cue path]]]
 *                                    each an ASCII number with dots ("25.5"), 00 between them
 *   TIMED_GO                         data: hr mn sc fr ff, then the cue number, list, path as above
 *   SET                              data: control LSB MSB, value LSB MSB (7-bit bytes), [hr mn sc fr ff]
 * </pre>
 * The time code's hour byte carries the frame rate in its bits 5-6 (24, 25, 30 drop, 30 frames a
 * second); ff is hundredths of a frame.
 *
 * <p>Stateless; any thread. Each decode allocates its result: show control is a few messages a
 * minute, not a hot path.
 */
public final class MscDecoder {

    private static final int SYSEX = 0xF0;
    private static final int END = 0xF7;
    private static final int UNIVERSAL_REAL_TIME = 0x7F;
    private static final int MSC = 0x02;
    private static final int HEADER = 6; // F0 7F id 02 format command
    private static final double[] FRAME_RATES = {24, 25, 29.97, 30};

    private MscDecoder() {
    }

    /** Whether {@code message} (a whole SysEx, F0 to F7) is an MSC message at all. */
    public static boolean isMsc(byte[] message) {
        return message.length >= HEADER + 1 && (message[0] & 0xFF) == SYSEX
                && (message[1] & 0xFF) == UNIVERSAL_REAL_TIME && (message[3] & 0xFF) == MSC;
    }

    /**
     * Decodes one MSC message.
     *
     * @throws MscException saying what is wrong and at which byte
     */
    public static MscCommand decode(byte[] message) throws MscException {
        if (!isMsc(message)) {
            throw new MscException("not a MIDI Show Control message (expected F0 7F id 02 ... F7)");
        }
        if ((message[message.length - 1] & 0xFF) != END) {
            throw new MscException("no F7 at the end of the SysEx");
        }
        int device = message[2] & 0xFF;
        int format = message[4] & 0xFF;
        int code = message[5] & 0xFF;
        MscCommand.Kind kind = MscCommand.Kind.of(code)
                .orElseThrow(() -> new MscException("unknown MSC command 0x" + Integer.toHexString(code)));
        int end = message.length - 1;
        return switch (kind) {
            case TIMED_GO -> {
                long time = timeCode(message, HEADER, end);
                String[] cue = cueFields(message, HEADER + 5, end);
                yield command(device, format, kind, cue, time, -1, -1);
            }
            case SET -> set(message, device, format, end);
            default -> command(device, format, kind, cueFields(message, HEADER, end), -1, -1, -1);
        };
    }

    private static MscCommand set(byte[] message, int device, int format, int end) throws MscException {
        if (end - HEADER < 4) {
            throw new MscException("SET needs a control number and a value (4 bytes), got " + (end - HEADER));
        }
        int control = sevenBit(message, HEADER) | sevenBit(message, HEADER + 1) << 7;
        int value = sevenBit(message, HEADER + 2) | sevenBit(message, HEADER + 3) << 7;
        long time = end - HEADER >= 9 ? timeCode(message, HEADER + 4, end) : -1;
        return command(device, format, MscCommand.Kind.SET, new String[3], time, control, value);
    }

    private static MscCommand command(int device, int format, MscCommand.Kind kind, String[] cue, long time,
                                      int control, int value) {
        return new MscCommand(device, format, kind, Optional.ofNullable(cue[0]), Optional.ofNullable(cue[1]),
                Optional.ofNullable(cue[2]), time, control, value);
    }

    /** Up to three 00-separated ASCII numbers: cue, list, path. */
    private static String[] cueFields(byte[] message, int from, int end) throws MscException {
        String[] fields = new String[3];
        int field = 0;
        StringBuilder text = new StringBuilder();
        for (int i = from; i <= end; i++) {
            int b = i == end ? 0 : message[i] & 0xFF;
            if (b == 0) {
                if (field == 3) {
                    throw new MscException("more than a cue number, list and path at byte " + i);
                }
                fields[field++] = text.isEmpty() ? null : text.toString();
                text.setLength(0);
                if (i == end) {
                    break;
                }
            } else if ((b >= '0' && b <= '9') || b == '.') {
                text.append((char) b);
            } else {
                throw new MscException("a cue number may hold only digits and dots; byte " + i + " is 0x"
                        + Integer.toHexString(b));
            }
        }
        return fields;
    }

    private static long timeCode(byte[] message, int from, int end) throws MscException {
        if (end - from < 5) {
            throw new MscException("a time code needs 5 bytes (hr mn sc fr ff) at byte " + from);
        }
        int hourByte = sevenBit(message, from);
        double rate = FRAME_RATES[(hourByte >> 5) & 0x03];
        int hours = hourByte & 0x1F;
        int minutes = sevenBit(message, from + 1) & 0x3F;
        int seconds = sevenBit(message, from + 2) & 0x3F;
        int frames = sevenBit(message, from + 3) & 0x1F;
        int hundredths = sevenBit(message, from + 4);
        if (hours > 23 || minutes > 59 || seconds > 59 || frames >= Math.ceil(rate) || hundredths > 99) {
            throw new MscException("time code " + hours + ":" + minutes + ":" + seconds + ":" + frames + "."
                    + hundredths + " is out of range at byte " + from);
        }
        double total = hours * 3600.0 + minutes * 60.0 + seconds + (frames + hundredths / 100.0) / rate;
        return Math.round(total * 1e9);
    }

    private static int sevenBit(byte[] message, int at) throws MscException {
        int b = message[at] & 0xFF;
        if (b > 0x7F) {
            throw new MscException("byte " + at + " is 0x" + Integer.toHexString(b) + ", a data byte is below 0x80");
        }
        return b;
    }
}
