package org.vernissage.sensors.tuio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.vernissage.sensors.tuio.TuioTestEncoder.blobs;
import static org.vernissage.sensors.tuio.TuioTestEncoder.bundle;
import static org.vernissage.sensors.tuio.TuioTestEncoder.cursors;
import static org.vernissage.sensors.tuio.TuioTestEncoder.frame2;
import static org.vernissage.sensors.tuio.TuioTestEncoder.message;
import static org.vernissage.sensors.tuio.TuioTestEncoder.objects;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputSink;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.TouchPhase;
import org.vernissage.sensors.RecordingLogger;

/**
 * Feeds the decoder bounded runs of generated TUIO bundles (random profiles, commands, argument
 * types and counts, values including NaN and infinities, frame numbers around a running counter,
 * several senders, time jumps past the silence timeout) and of mutated valid ones (flipped bytes,
 * swapped type tags, cut lengths). After every datagram: nothing thrown, every message accounted
 * for exactly once, and every event the engine got is finite, on the surface and consistent (no
 * update or removal of a point never added).
 */
class TuioDecoderFuzzTest {

    private static final int CASES = 40_000;
    private static final int MAX_SOURCES = 3;
    private static final String[] ADDRESSES = {"/tuio/2Dcur", "/tuio/2Dobj", "/tuio/2Dblb", "/tuio/25Dcur",
        "/tuio2/frm", "/tuio2/ptr", "/tuio2/tok", "/tuio2/bnd", "/tuio2/alv", "/tuio2/sym", "/other"};
    private static final String[] COMMANDS = {"set", "alive", "fseq", "source", "sat", ""};
    private static final float[] ODD_FLOATS = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.5f,
        1.5f, Float.MAX_VALUE, -0f, 1e-40f};

    private static final List<byte[]> VALID = List.of(
            cursors().source("A@1").alive(1, 2).cursor(1, 0.1f, 0.2f, 0.3f, 0.4f).cursor(2, 0.5f, 0.6f, 0, 0).fseq(5),
            objects().alive(3).object(3, 42, 0.5f, 0.5f, 1f, 0, 0).fseq(6),
            blobs().alive(4).blob(4, 0.2f, 0.3f, 0.5f, 1f, 1f).fseq(-1),
            frame2(7, "RCTV:0@0x01").pointer(1, 0.1f, 0.1f, 0.5f, 1f, 1f).token(2, 8, 0.5f, 0.5f, 1f, 0, 0)
                    .bounds(2, 0.5f, 0.5f, 1f).bounds(3, 0.9f, 0.9f, 0f).alive(1, 2, 3),
            frame2(0, null).pointer(5, 0.4f, 0.4f).alive(5),
            bundle(cursors().alive(1).cursor(1, 0.3f, 0.3f, 0, 0).fseq(8), objects().alive().fseq(8)));

    @Test
    void generatedAndMutatedBundlesNeverThrowNeverEmitNaNAndCountersAddUp() {
        Run strict = run(0x7010_0001L, false);
        Run refusing = run(0x7010_0002L, true);
        // Sanity: the generator must reach the frame logic, not only the OSC reader's refusals.
        for (Run run : List.of(strict, refusing)) {
            assertTrue(run.stats.framesApplied() > CASES / 20, "only " + run.stats.framesApplied() + " frames applied");
            assertTrue(run.stats.framesDropped() > 0);
            assertTrue(run.stats.keepalivesSent() > 0);
            assertTrue(run.stats.sourcesForgotten() > 0);
            for (TuioRejection reason : List.of(TuioRejection.MALFORMED_OSC, TuioRejection.BAD_ARGUMENTS,
                    TuioRejection.NOT_FINITE, TuioRejection.NOT_ALIVE, TuioRejection.UNKNOWN_PROFILE,
                    TuioRejection.INCOMPLETE_FRAME, TuioRejection.NO_FRAME)) {
                assertTrue(run.stats.rejected(reason) > 0, reason + " never happened");
            }
            assertTrue(run.sink.events > CASES / 10, "only " + run.sink.events + " events");
        }
        assertTrue(refusing.stats.dropped(TuioDropReason.RING_FULL) > 0);
    }

    private record Run(TuioStats stats, CheckingSink sink) {
    }

    private Run run(long seed, boolean refuseSome) {
        SplittableRandom random = new SplittableRandom(seed);
        ManualClock clock = new ManualClock(TimeUnit.SECONDS.toNanos(1));
        CheckingSink sink = new CheckingSink(random, refuseSome);
        TuioStats stats = new TuioStats("TUIO fuzz");
        TuioSettings settings = new TuioSettings(MAX_SOURCES, 16, java.time.Duration.ofMillis(200),
                java.time.Duration.ofSeconds(2), java.time.Duration.ofMillis(500), 100, 0);
        TuioDecoder decoder = new TuioDecoder(sink, stats, settings, new RecordingLogger());
        SocketAddress[] senders = {new InetSocketAddress("10.0.0.1", 3000), new InetSocketAddress("10.0.0.2", 3000),
            new InetSocketAddress("10.0.0.3", 3000), new InetSocketAddress("10.0.0.4", 3000)};
        int[] counters = new int[senders.length];
        for (int c = 0; c < CASES; c++) {
            int which = random.nextInt(senders.length);
            byte[] datagram = random.nextInt(4) == 0
                    ? mutate(VALID.get(random.nextInt(VALID.size())), random)
                    : generate(random, counters, which);
            try {
                decoder.read(ByteBuffer.wrap(datagram), 0, datagram.length, senders[which], clock.nanos());
                if (random.nextInt(4) == 0) {
                    decoder.tick(clock.nanos());
                }
            } catch (RuntimeException e) {
                throw new AssertionError("case " + c + " threw on " + HexFormat.of().formatHex(datagram), e);
            }
            assertEquals(stats.received(), stats.applied() + stats.droppedMessages() + stats.rejected(),
                    "case " + c + ": " + stats);
            assertEquals(stats.dropped(), stats.droppedMessages() + stats.keepalivesRefused());
            clock.advance(random.nextInt(50) == 0 ? TimeUnit.SECONDS.toNanos(3)
                    : TimeUnit.MILLISECONDS.toNanos(random.nextInt(120)));
        }
        return new Run(stats, sink);
    }

    // ---- generation -------------------------------------------------------------------------

    private static byte[] generate(SplittableRandom random, int[] counters, int sender) {
        int messages = 1 + random.nextInt(8);
        List<byte[]> elements = new ArrayList<>();
        String profile = ADDRESSES[random.nextInt(4)];
        boolean tuio2 = random.nextBoolean();
        for (int m = 0; m < messages; m++) {
            elements.add(tuio2 ? tuio2Message(random, m, messages, counters, sender).bytes()
                    : tuio11Message(random, profile, m, messages, counters, sender).bytes());
        }
        return bundle(elements.toArray(new byte[0][]));
    }

    /** Mostly well formed: source, alive, sets, fseq in order, with odd values and a frame number drifting. */
    private static TuioTestEncoder.Message tuio11Message(SplittableRandom random, String profile, int m, int count,
                                                        int[] counters, int sender) {
        String address = random.nextInt(20) == 0 ? ADDRESSES[random.nextInt(ADDRESSES.length)] : profile;
        TuioTestEncoder.Message message = message(address);
        String command = m == count - 1 && random.nextInt(5) > 0 ? "fseq"
                : m == 0 && random.nextInt(3) > 0 ? "alive"
                : random.nextInt(10) == 0 ? COMMANDS[random.nextInt(COMMANDS.length)] : "set";
        if (random.nextInt(30) == 0) {
            return message.i(random.nextInt()); // no command at all
        }
        message.s(command);
        switch (command) {
            case "fseq" -> message.i(frameNumber(random, counters, sender));
            case "alive" -> {
                for (int i = random.nextInt(5); i > 0; i--) {
                    message.i(random.nextInt(6));
                }
            }
            case "source" -> message.s("T" + random.nextInt(3));
            default -> {
                message.i(random.nextInt(6));
                int floats = switch (profile) {
                    case "/tuio/2Dobj" -> 8;
                    case "/tuio/2Dblb" -> 11;
                    default -> 5;
                };
                if (profile.equals("/tuio/2Dobj")) {
                    message.i(random.nextInt(100));
                }
                floats += random.nextInt(10) == 0 ? random.nextInt(3) - 1 : 0;
                for (int i = 0; i < floats; i++) {
                    addNumber(message, random);
                }
            }
        }
        return message;
    }

    private static TuioTestEncoder.Message tuio2Message(SplittableRandom random, int m, int count, int[] counters,
                                                       int sender) {
        if (m == 0 && random.nextInt(8) > 0) {
            TuioTestEncoder.Message frm = message("/tuio2/frm").i(frameNumber(random, counters, sender)).t(1);
            return random.nextBoolean() ? frm.i(0).s("S" + random.nextInt(2)) : frm;
        }
        if (m == count - 1 && random.nextInt(6) > 0) {
            TuioTestEncoder.Message alv = message("/tuio2/alv");
            for (int i = random.nextInt(5); i > 0; i--) {
                alv.i(random.nextInt(6));
            }
            return alv;
        }
        String address = ADDRESSES[5 + random.nextInt(random.nextInt(10) == 0 ? 6 : 3)];
        TuioTestEncoder.Message message = message(address).i(random.nextInt(6));
        int floats = switch (address) {
            case "/tuio2/ptr" -> 6;
            case "/tuio2/tok" -> 3;
            default -> 6;
        };
        if (!address.equals("/tuio2/bnd")) {
            message.i(0).i(random.nextInt(100));
        }
        floats += random.nextInt(3) == 0 ? 5 : 0;
        floats += random.nextInt(12) == 0 ? random.nextInt(3) - 1 : 0;
        for (int i = 0; i < floats; i++) {
            addNumber(message, random);
        }
        return message;
    }

    /** Mostly the next number; sometimes a repeat, a step back, a restart, or the unnumbered ones. */
    private static int frameNumber(SplittableRandom random, int[] counters, int sender) {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return -1;
        }
        if (roll == 1) {
            return 0;
        }
        if (roll == 2) {
            counters[sender] = random.nextInt(5);
        } else if (roll < 5) {
            return counters[sender] - random.nextInt(3);
        } else {
            counters[sender]++;
        }
        return counters[sender];
    }

    private static void addNumber(TuioTestEncoder.Message message, SplittableRandom random) {
        int roll = random.nextInt(40);
        if (roll == 0) {
            message.f(ODD_FLOATS[random.nextInt(ODD_FLOATS.length)]);
        } else if (roll == 1) {
            message.d(random.nextDouble() * 2 - 0.5);
        } else if (roll == 2) {
            message.i(random.nextInt(3));
        } else if (roll == 3) {
            message.d(1e300);
        } else {
            message.f((float) random.nextDouble());
        }
    }

    private static byte[] mutate(byte[] valid, SplittableRandom random) {
        byte[] packet = valid.clone();
        int kind = random.nextInt(4);
        if (kind == 0) {
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                packet[random.nextInt(packet.length)] = (byte) random.nextInt(256);
            }
            return packet;
        }
        if (kind == 1) {
            // Swap size-preserving type tags, so the OSC layer accepts it and TUIO must judge.
            for (int i = 0; i < packet.length; i++) {
                if ((packet[i] == 'f' || packet[i] == 'i') && random.nextInt(6) == 0) {
                    packet[i] = packet[i] == 'f' ? (byte) 'i' : (byte) 'f';
                }
            }
            return packet;
        }
        if (kind == 2) {
            // A float or int32 value replaced by NaN, a huge or a negative number.
            int at = 16 + 4 * random.nextInt((packet.length - 16) / 4);
            ByteBuffer.wrap(packet).putInt(at, switch (random.nextInt(3)) {
                case 0 -> Float.floatToRawIntBits(Float.NaN);
                case 1 -> Integer.MIN_VALUE;
                default -> random.nextInt();
            });
            return packet;
        }
        return java.util.Arrays.copyOf(packet, random.nextInt(packet.length + 1));
    }

    // ---- the engine's side ------------------------------------------------------------------

    /** Checks every event; keeps the set of points the engine was told of. */
    private static final class CheckingSink implements InputSink {
        private final SplittableRandom random;
        private final boolean refuseSome;
        private final Set<String> points = new HashSet<>();
        int events;

        CheckingSink(SplittableRandom random, boolean refuseSome) {
            this.random = random;
            this.refuseSome = refuseSome;
        }

        @Override
        public boolean offer(InputBatch batch) {
            assertTrue(batch.size() > 0, "an empty batch was offered");
            if (refuseSome && random.nextInt(10) == 0) {
                return false;
            }
            for (int i = 0; i < batch.size(); i++) {
                check(batch, i);
            }
            events += batch.size();
            return true;
        }

        private void check(InputBatch batch, int i) {
            float[] values = {batch.x(i), batch.y(i), batch.angle(i), batch.vx(i), batch.vy(i)};
            for (float value : values) {
                assertTrue(Float.isFinite(value), "a non-finite value reached the engine");
            }
            assertTrue(batch.x(i) >= 0 && batch.x(i) <= 1 && batch.y(i) >= 0 && batch.y(i) <= 1, "off the surface");
            assertTrue(batch.source(i) >= 0 && batch.source(i) < MAX_SOURCES, "source " + batch.source(i));
            assertTrue(batch.touchKind(i) != TouchKind.PHONE);
            assertEquals(InputBatch.IMMEDIATELY, batch.dueNanos(i));
            String key = batch.touchKind(i) + " " + batch.source(i) + "/" + batch.session(i);
            TouchPhase phase = batch.phase(i);
            if (phase == TouchPhase.ADDED) {
                points.add(key); // may be known still: a forgotten source's points live on in the engine
            } else if (!refuseSome && !points.contains(key)) {
                // With every batch accepted, the engine was told of each point it hears about again.
                fail(phase + " for " + key + ", which was never added");
            } else if (phase == TouchPhase.REMOVED) {
                points.remove(key);
            }
        }

        @Override
        public boolean offerChannel(int channel, float value, long arrivalNanos) {
            throw new AssertionError("TUIO offers touch batches only");
        }

        @Override
        public boolean offerParameter(int slot, float value, long arrivalNanos) {
            throw new AssertionError("TUIO offers touch batches only");
        }
    }
}
