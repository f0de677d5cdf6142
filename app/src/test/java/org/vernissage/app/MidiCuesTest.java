package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequencer;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.SysexMessage;
import javax.sound.midi.Transmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.showcontrol.cue.ControlCommands;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueListLoader;

/**
 * MIDI show control reaching the cues: MIDI Show Control SysEx (GO with a cue number, STOP, SET,
 * TIMED_GO with its time) and a mapped note, cue numbers read against a reloaded list, sent through the JDK's MIDI plumbing into a real conductor whose cue stage
 * runs Tidewater's cue list; the parameters move as the cues say.
 */
class MidiCuesTest {

    private static final Path TIDEWATER = Path.of("..", "artworks", "tidewater");
    private static final long FRAME = 1_000_000_000L / 60;

    private final ArtworkManifest manifest;
    private final ParameterLayout layout;
    private final CueList cues;
    private final PipelinePart pipeline;
    private long frame;
    private long commands; // MIDI commands offered to the ring, for waiting on the conductor

    MidiCuesTest() throws Exception {
        manifest = ManifestLoader.load(TIDEWATER);
        layout = manifest.layout();
        cues = CueListLoader.loadIfPresent(TIDEWATER, layout).orElseThrow();
        pipeline = PipelinePart.start(manifest, layout, PipelineOptions.DEFAULT, Optional.empty(),
                new PipelinePart.Stages(Optional.of(cues), false, Optional.empty(), List.of()));
    }

    @AfterEach
    void close() throws Exception {
        pipeline.close();
    }

    /** An MSC message to device 5, lighting: {@code cue} in ASCII, or {@code hexData} as bytes. */
    private static byte[] msc(int command, String cue) {
        return msc(command, cue.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] msc(int command, byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xF0, 0x7F, 0x05, 0x02, 0x01, (byte) command});
        bytes.writeBytes(data);
        bytes.write(0xF7);
        return bytes.toByteArray();
    }

    /** Sends {@code messages} through a JDK sequencer's transmitter, as a MIDI port would. */
    private void play(MidiCues midi, javax.sound.midi.MidiMessage... messages) throws Exception {
        long before = midi.sent();
        try (Sequencer sequencer = MidiSystem.getSequencer(false)) {
            Transmitter transmitter = sequencer.getTransmitter();
            transmitter.setReceiver(midi);
            for (javax.sound.midi.MidiMessage message : messages) {
                transmitter.getReceiver().send(message, -1);
            }
        }
        commands += midi.sent() - before;
    }

    private static SysexMessage sysex(byte[] bytes) throws Exception {
        return new SysexMessage(bytes, bytes.length);
    }

    /** Moves show time on by {@code seconds} of 60 fps frame marks and returns the value of {@code name}. */
    private float after(double seconds, String name) throws Exception {
        long frames = Math.round(seconds * 60);
        for (long i = 0; i < frames; i++, frame++) {
            while (!pipeline.ring().offerFrame(frame, frame * FRAME, (frame + 1) * FRAME, 0)) {
                Thread.onSpinWait();
            }
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (pipeline.snapshots().latch().eventsConsumed() < frame + commands && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        return pipeline.snapshots().latch().value(layout.offset(layout.indexOf(name).orElseThrow()));
    }

    private MidiCues midi(Map<String, String> mapping) {
        return midi(new MidiCueOptions(Optional.of(5), Optional.empty(), mapping));
    }

    private MidiCues midi(MidiCueOptions options) {
        // arrivals on show time: the frame marks' clock
        return new MidiCues(pipeline.ring(), () -> frame * FRAME, pipeline.cueStage().inForce(), layout, options,
                System.getLogger("test"));
    }

    @Test
    void mscGoWithACueNumberRunsThatCueAndStopHoldsIt() throws Exception {
        MidiCues midi = midi(Map.of());
        after(0.1, "energy");
        play(midi, sysex(msc(0x01, "2"))); // GO cue 2: energy fades to 0.75 over 8 s, ease-in
        float early = after(2, "energy");
        float later = after(4, "energy");
        assertTrue(later > early && early > 0.35f, "energy rises towards cue 2's 0.75: " + early + ", " + later);
        play(midi, sysex(msc(0x02, ""))); // STOP everything: the value stays where the fade was
        float stopped = after(0.2, "energy");
        assertEquals(stopped, after(3, "energy"), 1e-6f, "held after STOP");
        assertEquals(2, midi.sent());
    }

    @Test
    void mscSetMovesAParameterAndAMappedNoteRunsItsCue() throws Exception {
        MidiCues midi = midi(Map.of("61", "3"));
        play(midi, sysex(msc(0x06, new byte[] {0x01, 0x00, 0x7F, 0x7F}))); // control 1, value 16383
        assertEquals(1f, after(0.1, "hue"), 1e-4f, "SET control 1 (hue, 0..1) to 16383: its maximum");
        play(midi, new ShortMessage(ShortMessage.NOTE_ON, 0, 61, 100)); // cue 3: hue to 0.35 over 6 s
        assertEquals(0.35f, after(7, "hue"), 1e-4f);
    }

    @Test
    void mscTimedGoFadesOverItsOwnTimeInsteadOfTheCuesFadeTime() throws Exception {
        MidiCues midi = midi(Map.of());
        after(0.1, "energy");
        // TIMED_GO 00:00:02:00 (24 fps) cue 2: cue 2's 8 s ease-in to 0.75 in 2 s
        play(midi, sysex(msc(0x04, new byte[] {0x00, 0x00, 0x02, 0x00, 0x00, '2'})));
        float during = after(1, "energy");
        assertTrue(during > 0.3f && during < 0.75f, "on its way at 1 s: " + during);
        assertEquals(0.75f, after(1.1, "energy"), 1e-6f, "there at 2 s, where the cue's own fade takes 8");
    }

    @Test
    void afterAReloadCueNumbersAreReadAgainstTheListTheStageRuns(@TempDir Path folder) throws Exception {
        MidiCues midi = midi(Map.of("61", "3"));
        Path file = folder.resolve(CueListLoader.FILE_NAME);
        Files.writeString(file, """
                { "cues": [ { "number": "0", "targets": { "hue": 0.9 } }, { "number": "1", "targets": { "hue": 0.8 } },
                            { "number": "2", "targets": { "energy": 0.2 } } ] }
                """);
        pipeline.cueStage().offer(CueListLoader.load(file, layout));
        InputEvent reload = new InputEvent();
        new ConsoleCommandFlyweight().wrap(reload.begin(EventKinds.CONSOLE_COMMAND, frame * FRAME,
                InputBatch.IMMEDIATELY, false)).reset(-1, ControlCommands.RELOAD, 0);
        assertTrue(pipeline.ring().offerEvent(reload));
        commands++;
        float hue = after(0.1, "hue");
        play(midi, sysex(msc(0x01, "2"))); // the new list's cue 2 (the third cue; "2" was the second)
        assertEquals(0.2f, after(0.1, "energy"), 1e-6f, "the reloaded cue 2 ran");
        assertEquals(hue, after(0.1, "hue"), 1e-6f, "not the new list's second cue");
        play(midi, new ShortMessage(ShortMessage.NOTE_ON, 0, 61, 100)); // mapped to cue 3, gone from the list
        assertEquals(1, midi.refused().total(), "refused, named, not run as another cue");
        assertEquals(hue, after(0.1, "hue"), 1e-6f);
    }

    @Test
    void withAListOnlyThatListsCommandsAndThoseNamingNoListRun() throws Exception {
        MidiCues midi = midi(new MidiCueOptions(Optional.of(5), Optional.of("1"), Map.of()));
        float before = after(0.1, "energy");
        play(midi, sysex(msc(0x01, "2\u00002"))); // GO cue 2 in list 2: another device's
        assertEquals(before, after(2, "energy"), 1e-6f, "nothing ran");
        assertEquals(1, midi.otherLists());
        assertEquals(0, midi.sent());
        play(midi, sysex(msc(0x01, "2\u00001"))); // GO cue 2 in list 1: ours
        float rising = after(2, "energy");
        assertTrue(rising > before, "cue 2 runs: " + before + " -> " + rising);
        play(midi, sysex(msc(0x02, ""))); // STOP, naming no list: ours too
        assertEquals(2, midi.sent());
        assertEquals(1, midi.otherLists());
        assertEquals(0, midi.refused().total(), midi.refused().byKind().toString());
    }

    @Test
    void aListNeedsADeviceAndMscsNumberForm() {
        IllegalArgumentException noDevice = assertThrows(IllegalArgumentException.class,
                () -> new MidiCueOptions(Optional.empty(), Optional.of("1"), Map.of()));
        assertTrue(noDevice.getMessage().contains("add --msc-device"), noDevice.getMessage());
        IllegalArgumentException badList = assertThrows(IllegalArgumentException.class,
                () -> new MidiCueOptions(Optional.of(5), Optional.of("A"), Map.of()));
        assertTrue(badList.getMessage().contains("--msc-list takes a cue list number"), badList.getMessage());
        assertEquals(Optional.of("2.5"), new MidiCueOptions(Optional.of(5), Optional.of("2.5"), Map.of()).mscList());
    }

    @Test
    void unknownCuesAndMappingsAreNamed() throws Exception {
        MidiCues midi = midi(Map.of());
        play(midi, sysex(msc(0x01, "9")));
        assertEquals(1, midi.refused().total());
        assertEquals(0, midi.sent());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> midi(Map.of("60", "8")));
        assertTrue(e.getMessage().contains("--midi-cue 60=8: no cue numbered 8"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> midi(Map.of("note60", "go")));
    }
}
