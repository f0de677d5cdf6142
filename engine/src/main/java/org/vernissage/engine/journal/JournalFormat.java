package org.vernissage.engine.journal;

/**
 * The journal's byte layout, shared by {@link JournalWriter} and {@link JournalReader}.
 *
 * <pre>
 * file    = header record*
 * header  = "VNSJ" version:u8 width:i32 height:i32 fps:f64 recordedAt:i64
 *           titleLength:u16 title:utf8 digestLength:u16 digest:utf8
 * record  = tag:u8 arrivalDelta:zigzag-varlong [dueOffset:zigzag-varlong] body
 * tag     = kind (bits 0-2: InputKind ordinal) | continues (bit 3) | hasDue (bit 4)
 * body    SET_PARAMETER: slot:varint value:f32
 *         CHANNEL:       channel:varint value:f32
 *         TOUCH:         touchKind:u8 phase:u8 source:varint session:zigzag-varlong classId:zigzag-varint
 *                        x y angle vx vy:f32
 *         FRAME:         frameIndex:varlong horizonOffset:varlong eventsLatched:varlong
 * </pre>
 * Arrival times are stored as the difference from the previous record's (engine clock, ns), due
 * and horizon times as offsets from the record's own arrival: a typical channel value takes 7 to
 * 9 bytes. Multi-byte fixed fields are big-endian. Records are self-delimiting, so a journal cut
 * short by a crash is read up to its last whole record.
 *
 * <p>Constants only; no state.
 */
final class JournalFormat {

    static final byte[] MAGIC = {'V', 'N', 'S', 'J'};
    static final int VERSION = 1;
    static final int KIND_MASK = 0b111;
    static final int CONTINUES = 0b1000;
    static final int HAS_DUE = 0b1_0000;
    /** The longest record: tag, 3 varlongs, and a touch body. */
    static final int MAX_RECORD_BYTES = 1 + 3 * 10 + 2 + 5 + 10 + 5 + 5 * 4;

    private JournalFormat() {
    }
}
