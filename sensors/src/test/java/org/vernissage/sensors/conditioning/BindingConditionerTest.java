package org.vernissage.sensors.conditioning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.sensors.conditioning.Specs.spec;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.binding.Curve;
import org.vernissage.engine.binding.OneEuroSpec;
import org.vernissage.engine.binding.OscSelector;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.sensors.RecordingLogger;

/** The whole chain per binding, as the conductor calls it: slots, ranges, bad values, slews, idle. */
class BindingConditionerTest {

    private static final long MS = 1_000_000L;
    private static final long T0 = 1_000_000 * MS; // engine clocks do not start at 0

    // Slots: 0 level, 1-2 pos, 3 hue, 4-7 tint.
    private static final int LEVEL = 0;
    private static final int POS_Y = 2;
    private static final int HUE = 3;
    private static final ParameterLayout LAYOUT = new ParameterLayout(List.of(
            new ParameterSpec("level", ParameterType.FLOAT, 0, 1, new float[] {0.5f}, "", ""),
            new ParameterSpec("pos", ParameterType.VEC2, -1, 1, new float[] {0.25f, -0.25f}, "", ""),
            new ParameterSpec("hue", ParameterType.FLOAT, 0, 10, new float[] {3}, "", ""),
            new ParameterSpec("tint", ParameterType.COLOR, 0, 1, new float[] {1, 1, 1, 1}, "", "")));

    private final RecordingLogger logger = new RecordingLogger();
    private final float[] values = defaults();

    private static float[] defaults() {
        float[] v = new float[LAYOUT.slotCount()];
        LAYOUT.copyDefaultsInto(v);
        return v;
    }

    private static long at(long ms) {
        return T0 + ms * MS;
    }

    private static BindingSpec bind(String parameter, int component, ConditioningSpec conditioning) {
        return new BindingSpec(new OscSelector("/" + parameter + component, 0), parameter, component, conditioning);
    }

    private BindingConditioner conditioner(BindingSpec... bindings) {
        return new BindingConditioner(List.of(bindings), LAYOUT, logger);
    }

    private BindingConditioner level(ConditioningSpec conditioning) {
        return conditioner(bind("level", 0, conditioning));
    }

    @Test
    void aBindingToAnEventCountsEveryValueAsOneTriggerAndTimeMovesNothing() {
        ParameterLayout layout = new ParameterLayout(List.of(
                new ParameterSpec("flash", ParameterType.EVENT, 0, 1, new float[] {0}, "", "")));
        ConditioningSpec eased = spec().idle(0.5, 1f, 1.0).build();
        BindingConditioner c = new BindingConditioner(List.of(bind("flash", 0, eased)), layout, logger);
        float[] count = {0f};

        c.onValue(0, 1f, at(0), count);     // a button pressed ...
        c.onValue(0, 0f, at(10), count);    // ... and released: two messages, two triggers
        c.onValue(0, 42f, at(20), count);   // never clamped to the range
        assertEquals(3f, count[0]);
        c.advanceTo(at(5_000), count);      // long idle: an ease would have written the slot
        assertEquals(3f, count[0]);
    }

    // ---- resolution ----

    @Test
    void resolvesEachBindingToItsSnapshotSlot() {
        BindingConditioner c = conditioner(bind("level", 0, spec().build()), bind("pos", 1, spec().build()),
                bind("tint", 3, spec().build()), bind("hue", 0, spec().build()));
        assertEquals(0, c.slotOf(0));
        assertEquals(2, c.slotOf(1));
        assertEquals(7, c.slotOf(2));
        assertEquals(3, c.slotOf(3));
    }

    @Test
    void anUnknownParameterIsRefusedNamingTheBinding() {
        BindingSpec binding = new BindingSpec(new OscSelector("/fader", 0), "volume", 0, spec().build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BindingConditioner(List.of(bind("level", 0, spec().build()), binding), LAYOUT));
        assertTrue(e.getMessage().contains("OSC /fader -> volume"), e.getMessage());
        assertTrue(e.getMessage().contains("no parameter 'volume'"), e.getMessage());
    }

    @Test
    void aComponentTheParameterDoesNotHaveIsRefusedNamingTheBinding() {
        BindingSpec binding = new BindingSpec(new OscSelector("/xy", 1), "pos", 2, spec().build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BindingConditioner(List.of(binding), LAYOUT));
        assertTrue(e.getMessage().contains("OSC /xy argument 1 -> pos[2]"), e.getMessage());
        assertTrue(e.getMessage().contains("vec2 with 2 components"), e.getMessage());
    }

    // ---- scaling ----

    @Test
    void aValueIsScaledIntoItsSlotAndOtherSlotsAreLeftAlone() {
        BindingConditioner c = conditioner(bind("level", 0, spec().input(0, 127).build()));
        c.onValue(0, 64, at(0), values);
        assertEquals((float) (64 / 127.0), values[LEVEL]);
        float[] others = defaults();
        others[LEVEL] = values[LEVEL];
        assertArrayEquals(others, values);
        assertEquals(1, c.stats().applied());
    }

    @Test
    void theOutputRangeIsInParameterUnitsAndTheParameterClampsIt() {
        BindingConditioner c = conditioner(bind("hue", 0, spec().output(0, 20).build()));
        c.onValue(0, 0.25f, at(0), values);
        assertEquals(5f, values[HUE]);
        c.onValue(0, 0.75f, at(1), values);
        assertEquals(10f, values[HUE], "15 is beyond hue's 0..10");
    }

    @Test
    void reversedRangesInvert() {
        BindingConditioner c = conditioner(bind("pos", 1, spec().input(127, 0).output(-1, 1).build()),
                bind("hue", 0, spec().output(10, 0).build()));
        c.onValue(0, 0, at(0), values);
        assertEquals(1f, values[POS_Y]);
        c.onValue(0, 127, at(1), values);
        assertEquals(-1f, values[POS_Y]);
        c.onValue(0, 95.25f, at(2), values);
        assertEquals(-0.5f, values[POS_Y]);
        c.onValue(1, 0.25f, at(3), values);
        assertEquals(7.5f, values[HUE]);
    }

    @Test
    void theStepsRunInTheDocumentedOrder() {
        // 79.375/127 = 0.625 -> dead zone (0, 0.25) -> 0.5 -> ease-in -> 0.25 -> onto 0..8 -> 2
        BindingConditioner c = conditioner(bind("hue", 0,
                spec().input(0, 127).output(0, 8).deadZone(0, 0.25f).curve(Curve.EASE_IN).build()));
        c.onValue(0, 79.375f, at(0), values);
        assertEquals(2f, values[HUE]);
    }

    // ---- bad input ----

    @Test
    void unknownChannelsAreIgnoredCountedAndLoggedOnce() {
        BindingConditioner c = level(spec().build());
        c.onValue(1, 0.9f, at(0), values);
        c.onValue(-1, 0.9f, at(1), values);
        c.onValue(Integer.MAX_VALUE, 0.9f, at(2), values);
        assertArrayEquals(defaults(), values);
        assertEquals(3, c.stats().unknownChannels());
        assertEquals(0, c.stats().applied());
        assertEquals(1, logger.snapshot().size(), logger.snapshot().toString());
        assertTrue(logger.snapshot().get(0).contains("channel 1 "), logger.snapshot().get(0));
        c.onValue(0, 0.9f, at(3), values);
        assertEquals(0.9f, values[LEVEL], "still working");
    }

    @Test
    void nanIsIgnoredAndTheLastGoodValueStays() {
        BindingConditioner c = level(spec().oneEuro(1, 0.1, 1).rateLimit(5).build());
        c.onValue(0, 0.4f, at(0), values);
        c.onValue(0, Float.NaN, at(10), values);
        c.onValue(0, Float.NaN, at(20), values);
        c.advanceTo(at(30), values);
        assertEquals(0.4f, values[LEVEL]);
        assertEquals(2, c.stats().notANumber());
        assertEquals(1, logger.snapshot().size());
        assertTrue(logger.snapshot().get(0).contains("OSC /level0 -> level"), logger.snapshot().get(0));
        c.onValue(0, 0.5f, at(40), values);
        c.advanceTo(at(100), values);
        assertTrue(values[LEVEL] > 0.4f && values[LEVEL] < 0.5f, "filter and limiter were not poisoned: " + values[LEVEL]);
    }

    @Test
    void nanIsNotAValueForTheIdleTimer() {
        BindingConditioner c = level(spec().idle(1, 0, 1).build());
        c.onValue(0, 1, at(0), values);
        for (int ms = 100; ms <= 1500; ms += 100) {
            c.onValue(0, Float.NaN, at(ms), values);
            c.advanceTo(at(ms), values);
        }
        assertEquals(1 - CurveShaper.smoothstep(0.5), values[LEVEL], 1e-6, "idle began 1 s after the last number");
    }

    @Test
    void infinitiesAreClampedToTheEndsOfTheRange() {
        for (boolean clamp : new boolean[] {true, false}) {
            BindingConditioner c = conditioner(bind("hue", 0, spec().output(2, 8).clamp(clamp).build()));
            c.onValue(0, Float.POSITIVE_INFINITY, at(0), values);
            assertEquals(8f, values[HUE], "clamp " + clamp);
            c.onValue(0, Float.NEGATIVE_INFINITY, at(1), values);
            assertEquals(2f, values[HUE], "clamp " + clamp);
        }
    }

    @Test
    void anUnclampedValueFarOutsideTheRangeEndsOnTheParameterClampNotOnNaN() {
        BindingConditioner c = conditioner(bind("hue", 0,
                spec().input(0, 1e-30f).clamp(false).power(7).oneEuro(1, 5, 1).rateLimit(3).build()));
        c.onValue(0, 0, at(0), values);
        c.onValue(0, Float.MAX_VALUE, at(1), values); // 3.4e68 input ranges, to the 7th power
        c.advanceTo(at(1000), values);
        // down from the standing 3 for 1 ms, then up for 0.999 s, at 3 per second: a real number
        assertEquals(5.994f, values[HUE], 1e-5);
        c.advanceTo(at(10_000), values);
        assertEquals(10f, values[HUE]);
        c.onValue(0, -Float.MAX_VALUE, at(10_001), values);
        c.advanceTo(at(40_000), values);
        assertEquals(0f, values[HUE]);
    }

    // ---- before the first value ----

    @Test
    void beforeAnyValueABindingLeavesItsSlotAlone() {
        BindingConditioner c = conditioner(bind("level", 0, spec().oneEuro(1, 0.1, 1).rateLimit(1).build()),
                bind("pos", 1, spec().output(-1, 1).build()));
        values[LEVEL] = 0.9f; // a console set it directly
        for (int ms = 0; ms < 5000; ms += 16) {
            c.advanceTo(at(ms), values);
        }
        float[] expected = defaults();
        expected[LEVEL] = 0.9f;
        assertArrayEquals(expected, values);
    }

    @Test
    void aBindingNobodyTouchesStillEasesToItsIdleValueFromTheFirstFrameOn() {
        BindingConditioner c = level(spec().idle(2, 0.1f, 1).build());
        c.advanceTo(at(0), values); // the timer starts here, not at time 0 of the clock
        assertEquals(0.5f, values[LEVEL]);
        c.advanceTo(at(1999), values);
        assertEquals(0.5f, values[LEVEL], "the default stands until the silence has lasted 2 s");
        c.advanceTo(at(2000), values);
        assertEquals(0.5f, values[LEVEL]);
        c.advanceTo(at(2500), values);
        assertEquals(0.5f + (0.1f - 0.5f) * 0.5f, values[LEVEL], 1e-6, "halfway: smoothstep(0.5)");
        c.advanceTo(at(3000), values);
        assertEquals(0.1f, values[LEVEL]);
    }

    // ---- rate limit ----

    @Test
    void theFirstValueSlewsFromTheValueStandingInTheSlot() {
        BindingConditioner c = level(spec().rateLimit(2).build());
        c.onValue(0, 1, at(0), values);
        assertEquals(0.5f, values[LEVEL], "the default does not jump");
        c.advanceTo(at(125), values);
        assertEquals(0.75f, values[LEVEL], 1e-6);
        c.advanceTo(at(250), values);
        assertEquals(1f, values[LEVEL]);
    }

    @Test
    void aRateLimitedStepArrivesExactlyAfterHalfASecondOfFramesAndNotBefore() {
        BindingConditioner c = level(spec().rateLimit(2).build());
        values[LEVEL] = 0; // standing at 0 (a console set it)
        c.onValue(0, 1, at(0), values);
        assertEquals(0f, values[LEVEL]);
        for (int ms = 10; ms < 500; ms += 10) {
            c.advanceTo(at(ms), values);
            assertTrue(values[LEVEL] < 1f, "at " + ms + " ms: " + values[LEVEL]);
            assertEquals(ms * 0.002f, values[LEVEL], 1e-6);
        }
        c.advanceTo(at(500), values);
        assertEquals(1f, values[LEVEL]);
    }

    @Test
    void theRateLimitAlsoAppliesBetweenValuesWithoutFrames() {
        BindingConditioner c = level(spec().rateLimit(2).build());
        values[LEVEL] = 0;
        c.onValue(0, 1, at(0), values);
        c.onValue(0, 1, at(250), values);
        assertEquals(0.5f, values[LEVEL]);
        c.onValue(0, 0, at(300), values);
        assertEquals(0.6f, values[LEVEL], 1e-6, "still at the limiter's position when it turns");
        c.advanceTo(at(400), values);
        assertEquals(0.4f, values[LEVEL], 1e-6);
    }

    @Test
    void framesWriteTheSlotOnlyWhileTheOutputMoves() {
        BindingConditioner c = level(spec().rateLimit(10).build());
        c.onValue(0, 0, at(0), values);
        c.onValue(0, 1, at(0), values);
        c.advanceTo(at(200), values);
        assertEquals(1f, values[LEVEL]);
        values[LEVEL] = 0.33f; // a console's direct set
        c.advanceTo(at(300), values);
        c.advanceTo(at(400), values);
        assertEquals(0.33f, values[LEVEL], "a settled binding does not fight the console");
        c.onValue(0, 0.5f, at(450), values);
        assertEquals(1f, values[LEVEL], "a new value writes again, from the limiter's own position");
    }

    // ---- idle ----

    @Test
    void afterTheSilenceTheOutputEasesToTheIdleValueAndTheNextValueTakesOver() {
        BindingConditioner c = level(spec().idle(2, 0.2f, 1).build());
        c.onValue(0, 0.8f, at(0), values);
        c.advanceTo(at(1000), values);
        assertEquals(0.8f, values[LEVEL]);
        c.advanceTo(at(2000), values);
        assertEquals(0.8f, values[LEVEL], "the ease starts from where the output was");
        c.advanceTo(at(2500), values);
        assertEquals(0.8 + (0.2 - 0.8) * CurveShaper.smoothstep(0.5), values[LEVEL], 1e-6);
        c.advanceTo(at(2750), values);
        assertEquals(0.8 + (0.2 - 0.8) * 0.84375, values[LEVEL], 1e-6, "smoothstep(0.75) = 0.84375");
        c.advanceTo(at(3000), values);
        assertEquals(0.2f, values[LEVEL]);
        c.advanceTo(at(9000), values);
        assertEquals(0.2f, values[LEVEL]);

        c.onValue(0, 0.6f, at(10_000), values);
        assertEquals(0.6f, values[LEVEL], "without a rate limit the value takes over at once");
        c.advanceTo(at(11_000), values);
        assertEquals(0.6f, values[LEVEL], "and the idle timer starts again from it");
        c.advanceTo(at(12_500), values);
        assertEquals(0.4f, values[LEVEL], 1e-6, "halfway from 0.6 to 0.2");
    }

    @Test
    void theIdleValueIsInParameterUnits() {
        BindingConditioner c = conditioner(bind("hue", 0, spec().output(0, 10).idle(1, 2, 0.5).build()));
        c.onValue(0, 0.9f, at(0), values);
        assertEquals(9f, values[HUE]);
        c.advanceTo(at(1250), values);
        assertEquals(5.5f, values[HUE], 1e-5, "halfway from 9 to 2");
        c.advanceTo(at(1500), values);
        assertEquals(2f, values[HUE]);
    }

    @Test
    void theIdleEaseStartsAtTheStartOfTheSilenceEvenBetweenFrames() {
        BindingConditioner c = level(spec().idle(1, 0, 1).build());
        c.onValue(0, 1, at(0), values);
        c.advanceTo(at(900), values);
        c.advanceTo(at(1500), values); // the first frame after idle began (at 1000 ms)
        assertEquals(0.5f, values[LEVEL], 1e-6);
    }

    @Test
    void withARateLimitTheNextValueTakesOverFromTheIdleValueAtTheLimitersPace() {
        BindingConditioner c = level(spec().rateLimit(2).idle(1, 0, 0).build());
        c.onValue(0, 1, at(0), values);
        c.advanceTo(at(250), values);
        assertEquals(1f, values[LEVEL]);
        c.advanceTo(at(1000), values);
        assertEquals(0f, values[LEVEL], "an ease of 0 jumps to the idle value");
        c.onValue(0, 1, at(1100), values);
        assertEquals(0f, values[LEVEL], "no jump back");
        c.advanceTo(at(1350), values);
        assertEquals(0.5f, values[LEVEL], 1e-6);
        c.advanceTo(at(1600), values);
        assertEquals(1f, values[LEVEL]);
    }

    @Test
    void aValueDuringTheEaseTakesOverFromWhereTheEaseHadGot() {
        BindingConditioner c = level(spec().rateLimit(1).idle(1, 0, 2).build());
        c.onValue(0, 1, at(0), values);
        c.advanceTo(at(2000), values); // halfway through the ease: 0.5
        assertEquals(0.5f, values[LEVEL], 1e-6);
        c.onValue(0, 1, at(2000), values);
        c.advanceTo(at(2100), values);
        assertEquals(0.6f, values[LEVEL], 1e-6, "up from 0.5 at 1 per second");
        c.advanceTo(at(2900), values);
        assertEquals(1f, values[LEVEL]);
        c.advanceTo(at(3000), values);
        assertEquals(1f, values[LEVEL], "the idle timer restarted at the value: a new ease starts now");
        c.advanceTo(at(4000), values);
        assertEquals(0.5f, values[LEVEL], 1e-6, "halfway from 1 to 0");
    }

    // ---- smoothing ----

    @Test
    void smoothingIsTheOneEuroFilterOnTheEventTimesScaledOntoTheOutput() {
        OneEuroSpec smoothing = new OneEuroSpec(1.5, 0.2, 1);
        BindingConditioner c = conditioner(bind("hue", 0, spec().output(1, 9).oneEuro(1.5, 0.2, 1).build()));
        OneEuroFilter alone = new OneEuroFilter(smoothing);
        SplittableRandom random = new SplittableRandom(3);
        long nanos = at(0);
        for (int i = 0; i < 200; i++) {
            nanos += random.nextLong(1, 30 * MS);
            float raw = (float) random.nextDouble();
            c.onValue(0, raw, nanos, values);
            float expected = (float) (1 + alone.filter(raw, nanos) * 8);
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(values[HUE]), "sample " + i);
            c.advanceTo(nanos + 5 * MS, values);
            assertEquals(expected, values[HUE], 0f, "frames do not move the filter");
        }
    }

    // ---- determinism ----

    @Test
    void theSameCallsGiveTheSameValuesBitForBit() {
        long seed = 424242;
        float[][] first = run(seed);
        float[][] second = run(seed);
        for (int i = 0; i < first.length; i++) {
            assertArrayEquals(first[i], second[i], "after call " + i);
        }
        assertNotEquals(first[first.length / 2][LEVEL], first[first.length - 1][LEVEL], "the run did move");
    }

    /** A fresh conditioner with every step on, driven by a seeded mess of calls; the values after each. */
    private float[][] run(long seed) {
        BindingConditioner c = conditioner(
                bind("level", 0, spec().input(0, 127).deadZone(0.5f, 0.1f).curve(Curve.SMOOTHSTEP)
                        .oneEuro(1, 0.05, 1).rateLimit(1.5f).idle(0.4, 0.3f, 0.3).build()),
                bind("pos", 1, spec().output(-1, 1).power(2.2f).clamp(false).oneEuro(2, 0.5, 0.5).build()),
                bind("hue", 0, spec().output(0, 10).rateLimit(4).idle(0.2, 7, 0).build()));
        float[] v = defaults();
        SplittableRandom random = new SplittableRandom(seed);
        float[][] trace = new float[3000][];
        long frame = at(0);
        long event = frame;
        for (int i = 0; i < trace.length; i++) {
            if (random.nextInt(4) == 0) {
                frame += 16 * MS;
                c.advanceTo(frame, v);
            } else {
                event += random.nextInt(3) == 0 ? 0 : random.nextLong(-2 * MS, 20 * MS); // ties and reorders
                int channel = random.nextInt(4); // 3 is no binding
                float raw = switch (random.nextInt(20)) {
                    case 0 -> Float.NaN;
                    case 1 -> Float.POSITIVE_INFINITY;
                    default -> (float) (random.nextDouble() * 140 - 5);
                };
                c.onValue(channel, raw, event, v);
            }
            if (random.nextInt(300) == 0) {
                event = frame + 1_000 * MS; // a silence long enough for the idle eases
                frame = event;
            }
            trace[i] = v.clone();
        }
        return trace;
    }
}
