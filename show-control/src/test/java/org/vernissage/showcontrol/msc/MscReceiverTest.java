package org.vernissage.showcontrol.msc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequencer;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.SysexMessage;
import javax.sound.midi.Transmitter;
import org.junit.jupiter.api.Test;

/**
 * MIDI Show Control from SysEx bytes as consoles send them (RP-002): GO, STOP, RESUME with cue
 * numbers, lists and paths; TIMED_GO with its time code; SET; device ids, groups, all-call and
 * command formats; malformed messages counted and passed over.
 */
class MscReceiverTest {

    private final List<MscCommand> received = new ArrayList<>();
    private final MscReceiver receiver = new MscReceiver(1, new int[] {0x71}, new int[] {0x01}, received::add,
            System.getLogger("test"));

    private static byte[] msc(int device, int format, int command, String data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xF0, 0x7F, (byte) device, 0x02, (byte) format, (byte) command});
        bytes.writeBytes(HexFormat.of().parseHex(data.replace(" ", "")));
        bytes.write(0xF7);
        return bytes.toByteArray();
    }

    private static String ascii(String text) {
        return HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private void send(byte[] message) throws Exception {
        receiver.send(new SysexMessage(message, message.length), -1);
    }

    @Test
    void goStopAndResumeCarryCueListAndPath() throws Exception {
        send(msc(1, 0x01, 0x01, ascii("25.5") + "00" + ascii("3.1") + "00" + ascii("1.9")));
        send(msc(1, 0x01, 0x02, ascii("7")));
        send(msc(1, 0x01, 0x03, ""));
        assertEquals(3, received.size());
        MscCommand go = received.get(0);
        assertEquals(MscCommand.Kind.GO, go.command());
        assertEquals(Optional.of("25.5"), go.cue());
        assertEquals(Optional.of("3.1"), go.list());
        assertEquals(Optional.of("1.9"), go.path());
        assertEquals("STOP cue 7 (device 1)", received.get(1).toString());
        assertEquals(Optional.empty(), received.get(2).cue(), "RESUME with no cue: everything paused");
    }

    @Test
    void timedGoReadsItsTimeCodeAtTheRateInTheHourByte() throws Exception {
        // 25 fps (rate bits 01): 01:02:03, frame 12, 50 hundredths; then cue 4
        send(msc(1, 0x7F, 0x04, "21 02 03 0C 32" + ascii("4")));
        MscCommand timed = received.get(0);
        assertEquals(MscCommand.Kind.TIMED_GO, timed.command());
        assertEquals(Optional.of("4"), timed.cue());
        double seconds = 3600 + 2 * 60 + 3 + 12.5 / 25;
        assertEquals(Math.round(seconds * 1e9), timed.timeNanos());
    }

    @Test
    void setReadsFourteenBitControlAndValue() throws Exception {
        send(msc(0x7F, 0x01, 0x06, "05 01 7F 3F")); // control 133, value 8191, to everyone
        MscCommand set = received.get(0);
        assertEquals(MscCommand.Kind.SET, set.command());
        assertEquals(133, set.control());
        assertEquals(8191, set.value());
        assertEquals(-1, set.timeNanos());
    }

    @Test
    void onlyMessagesAddressedToThisDeviceItsGroupsOrEveryoneInItsFormatsAreTaken() throws Exception {
        send(msc(2, 0x01, 0x01, ascii("1")));      // another device
        send(msc(0x72, 0x01, 0x01, ascii("1")));   // another group
        send(msc(1, 0x10, 0x01, ascii("1")));      // sound, not lighting
        send(msc(0x71, 0x01, 0x01, ascii("2")));   // our group
        send(msc(0x7F, 0x7F, 0x01, ascii("3")));   // everyone, all types
        assertEquals(List.of(Optional.of("2"), Optional.of("3")), received.stream().map(MscCommand::cue).toList());
        assertEquals(3, receiver.notForUs());
    }

    @Test
    void malformedMessagesAreCountedOnceLoggedAndTheNextIsRead() throws Exception {
        send(msc(1, 0x01, 0x01, ascii("1") + "2F"));   // '/' in a cue number
        send(msc(1, 0x01, 0x04, "21 02"));              // TIMED_GO cut short
        send(msc(1, 0x01, 0x66, ""));                   // no such command
        send(msc(1, 0x01, 0x01, ascii("9")));
        assertEquals(3, receiver.malformed().total());
        assertEquals(1, received.size());
        assertEquals(1, receiver.accepted());
        MscException e = assertThrows(MscException.class, () -> MscDecoder.decode(msc(1, 1, 0x04, "3C 00 00 00 00")));
        assertTrue(e.getMessage().contains("time code 28:0:0:0.0 is out of range"), e.getMessage());
    }

    @Test
    void otherMidiPassesByAndARealMidiTransmitterDeliversSysex() throws Exception {
        receiver.send(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 100), -1);
        assertEquals(0, receiver.accepted() + receiver.notForUs() + receiver.malformed().total());
        // through the JDK's own MIDI plumbing: a sequencer's transmitter wired to the receiver
        try (Sequencer sequencer = MidiSystem.getSequencer(false)) {
            Transmitter transmitter = sequencer.getTransmitter();
            transmitter.setReceiver(receiver);
            byte[] go = msc(1, 0x01, 0x01, ascii("12"));
            transmitter.getReceiver().send(new SysexMessage(go, go.length), -1);
        }
        assertEquals(Optional.of("12"), received.get(0).cue());
    }
}
