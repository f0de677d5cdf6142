package org.vernissage.sensors.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.phone.PhoneTestFrames.frame;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.binding.PhoneAggregate;
import org.vernissage.engine.binding.PhoneSelector;
import org.vernissage.engine.binding.PhoneSignal;
import org.vernissage.engine.clock.ManualClock;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.engine.pipeline.ChannelConditioner;
import org.vernissage.engine.pipeline.Conductor;
import org.vernissage.engine.pipeline.ConductorSettings;
import org.vernissage.engine.pipeline.InputRing;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.pipeline.RingWaitStrategy;
import org.vernissage.engine.pipeline.SnapshotExchange;
import org.vernissage.engine.pipeline.TouchKind;
import org.vernissage.engine.pipeline.TouchSet;

/**
 * End to end: real WebSocket phones on loopback, the server, the engine's real input ring and
 * conductor, and the snapshot the render thread latches (this test plays the render thread, and
 * steps the engine clock itself so the conductor's 1 s touch timeout is exact).
 */
class PhoneServerEngineTest {

    private static final long MS = 1_000_000L;
    private static final int SOURCE = 5;
    private static final ParameterLayout LAYOUT = new ParameterLayout(List.of(
            new ParameterSpec("crowd", ParameterType.FLOAT, 0, 100, new float[] {0}, "", ""),
            new ParameterSpec("tilt", ParameterType.FLOAT, -1000, 1000, new float[] {-1}, "", ""),
            new ParameterSpec("reach", ParameterType.FLOAT, -1000, 1000, new float[] {-1}, "", "")));
    private static final List<BindingSpec> BINDINGS = List.of(
            new BindingSpec(new PhoneSelector(PhoneSignal.PARTICIPANTS, PhoneAggregate.SUM), "crowd", 0,
                    ConditioningSpec.linear(0, 50, 0, 100)),
            new BindingSpec(new PhoneSelector(PhoneSignal.ORIENTATION_GAMMA, PhoneAggregate.MEAN), "tilt", 0,
                    ConditioningSpec.linear(-90, 90, -1, 1)),
            new BindingSpec(new PhoneSelector(PhoneSignal.TOUCH_Y, PhoneAggregate.MAX), "reach", 0,
                    ConditioningSpec.linear(0, 1, 0, 1)));

    /** Writes each channel's raw value into the slot of the same number: enough to see it arrive. */
    private static final ChannelConditioner RAW_INTO_SLOT = new ChannelConditioner() {
        @Override
        public void onValue(int channel, float raw, long nanos, float[] values) {
            values[channel] = raw;
        }

        @Override
        public void advanceTo(long nanos, float[] values) {
        }
    };

    private final ManualClock clock = new ManualClock(10_000 * MS);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<TestPhone> phones = new ArrayList<>();
    private SnapshotExchange snapshots;
    private InputRing ring;
    private PhoneServer server;
    private long frameIndex;

    @BeforeEach
    void startEngine() throws Exception {
        float[] defaults = new float[LAYOUT.slotCount()];
        LAYOUT.copyDefaultsInto(defaults);
        snapshots = new SnapshotExchange(defaults);
        ring = new InputRing(1024, RingWaitStrategy.BLOCKING, r -> new Thread(r, "test-conductor"),
                new Conductor(LAYOUT, snapshots, RAW_INTO_SLOT, ConductorSettings.DEFAULT));
        ring.start();
        server = new PhoneServer(PhoneServerSettings.defaults("127.0.0.1", 0).withTouchSource(SOURCE), BINDINGS,
                ring, clock);
        server.start();
    }

    @AfterEach
    void stopEngine() {
        phones.forEach(TestPhone::close);
        server.close(); // before the ring: closing lifts fingers through it
        ring.close();
        http.close();
    }

    private TestPhone join() throws Exception {
        TestPhone phone = TestPhone.join(http, server.port());
        phones.add(phone);
        return phone;
    }

    private ParameterSnapshot awaitSnapshot(Predicate<ParameterSnapshot> wanted, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            ParameterSnapshot snapshot = snapshots.latch();
            if (wanted.test(snapshot)) {
                return snapshot;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no snapshot with " + what + " within 5 s; touches "
                        + snapshot.touches().count() + ", values " + snapshot.value(0) + " " + snapshot.value(1)
                        + " " + snapshot.value(2));
            }
            Thread.sleep(2);
        }
    }

    /** A frame at the clock's time: the conductor moves its horizon and times out silent touches. */
    private void renderFrame() {
        ParameterSnapshot latched = snapshots.latch();
        assertTrue(ring.offerFrame(frameIndex++, clock.nanos(), clock.nanos(), latched.eventsConsumed()));
    }

    @Test
    void fingersAndAggregatesReachTheSnapshot() throws Exception {
        TestPhone a = join();
        TestPhone b = join();
        awaitSnapshot(s -> s.value(0) == 2f, "two participants");

        a.send(frame().touches(0, 0.2f, 0.3f).orientation(0, 0, 30));
        b.send(frame().touches(1, 0.6f, 0.9f).orientation(0, 0, -10));
        ParameterSnapshot snapshot = awaitSnapshot(s -> s.touches().count() == 2 && s.value(1) == 10f
                && s.value(2) == 0.9f, "two fingers, mean gamma 10, max y 0.9");
        TouchSet touches = snapshot.touches();
        int first = touches.indexOf(TouchKind.PHONE, SOURCE, 16);
        int second = touches.indexOf(TouchKind.PHONE, SOURCE, 2 * 16 + 1);
        assertTrue(first >= 0 && second >= 0, "sessions are participant * 16 + slot");
        assertEquals(0.2f, touches.x(first));
        assertEquals(0.3f, touches.y(first));
        assertEquals(0.6f, touches.x(second));

        b.abort();
        snapshot = awaitSnapshot(s -> s.touches().count() == 1 && s.value(0) == 1f && s.value(1) == 30f
                && s.value(2) == 0.3f, "b's finger gone, b out of every aggregate");
        assertEquals(16, snapshot.touches().session(0));
    }

    @Test
    void aHeldFingerOutlivesTheConductorsTimeoutUntilThePhoneGoesSilent() throws Exception {
        TestPhone phone = join();
        phone.send(frame().touches(0, 0.5f, 0.5f));
        awaitSnapshot(s -> s.touches().count() == 1, "the finger");
        // The phone now sends nothing for 1.4 s of engine time (past the conductor's 1 s timeout,
        // short of the server's touch silence) while frames move the conductor on: the server's
        // refresh alone keeps the point alive.
        for (int step = 0; step < 14; step++) {
            clock.advance(100 * MS);
            long now = clock.nanos();
            awaitSnapshot(s -> s.touches().count() == 1
                    && s.touches().updatedNanos(0) >= now - PhoneTouchPublisher.REFRESH_NANOS, "a refresh");
            renderFrame();
        }
        assertEquals(1, snapshots.latch().touches().count(), "alive after 1.4 s thanks to the refresh");
        // Past the server's touch silence: it lifts the finger.
        clock.advance(200 * MS);
        awaitSnapshot(s -> s.touches().count() == 0, "the finger lifted after the phone's silence");
    }
}
