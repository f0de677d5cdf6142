package org.vernissage.engine.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The estimate's two terms: CPU seconds x watts per busy core + GPU seconds x the GPU's watts, never counted twice. */
class CpuTimeEstimateTest {

    private static final String NVIDIA = "NVIDIA GeForce RTX 3060/PCIe/SSE2";
    private static final String LLVMPIPE = "llvmpipe (LLVM 15.0.7, 256 bits)";

    @Test
    void cpuAndGpuSecondsGiveExactJoulesAndTheLabelSaysBothTerms() {
        AtomicLong cpu = new AtomicLong(7_000_000_000L); // counted from the estimate's start, not from 0
        AtomicLong gpu = new AtomicLong(1_000_000_000L);
        GpuTimeTerm term = GpuTimeTerm.of(NVIDIA, true, gpu::get, 150);
        CpuTimeEstimate estimate = new CpuTimeEstimate(cpu::get, 15, term);
        assertTrue(term.counted());
        assertEquals(0.0, estimate.joules());

        cpu.addAndGet(2_000_000_000L);
        gpu.addAndGet(500_000_000L);

        assertEquals(2.0, estimate.cpuSeconds());
        assertEquals(0.5, estimate.gpuSeconds());
        assertEquals(2.0 * 15 + 0.5 * 150, estimate.joules(), 1e-12);
        assertEquals(EnergyKind.ESTIMATED, estimate.kind());
        assertEquals("CPU time x 15 W per busy core + GPU time x 150 W", estimate.describe());
    }

    @Test
    void aSoftwareRenderersTimeIsNotCountedTwice() {
        AtomicLong cpu = new AtomicLong();
        AtomicLong gpu = new AtomicLong();
        for (String renderer : new String[] {LLVMPIPE, "softpipe", "Google SwiftShader"}) {
            GpuTimeTerm term = GpuTimeTerm.of(renderer, true, gpu::get, 150);
            CpuTimeEstimate estimate = new CpuTimeEstimate(cpu::get, 15, term);
            cpu.addAndGet(2_000_000_000L);
            gpu.addAndGet(1_000_000_000L); // timed, but done by the CPU whose time is already in
            assertFalse(term.counted(), renderer);
            assertEquals(0.0, estimate.gpuSeconds(), renderer);
            assertEquals(30.0, estimate.joules(), 1e-12, renderer);
            assertTrue(estimate.describe().startsWith("CPU time x 15 W per busy core; GPU time left out: "),
                    estimate.describe());
            assertTrue(estimate.describe().endsWith(" renders on the CPU and its time is in the CPU time"),
                    estimate.describe());
        }
        assertEquals("CPU time x 15 W per busy core; GPU time left out: llvmpipe renders on the CPU and its time"
                + " is in the CPU time", new CpuTimeEstimate(cpu::get, 15,
                GpuTimeTerm.of(LLVMPIPE, true, gpu::get, 150)).describe());
    }

    @Test
    void withoutTimerQueriesTheGpuIsLeftOutAndSaidSo() {
        AtomicLong cpu = new AtomicLong();
        CpuTimeEstimate estimate = new CpuTimeEstimate(cpu::get, 15, GpuTimeTerm.of(NVIDIA, false, () -> 0, 150));
        cpu.addAndGet(1_000_000_000L);
        assertEquals(15.0, estimate.joules(), 1e-12);
        assertEquals("CPU time x 15 W per busy core; GPU left out: " + NVIDIA + " has no timer queries",
                estimate.describe());
    }

    @Test
    void withoutATermTheEstimateIsCpuTimeAsBefore() {
        AtomicLong cpu = new AtomicLong();
        CpuTimeEstimate estimate = new CpuTimeEstimate(cpu::get, 15);
        cpu.addAndGet(4_000_000_000L);
        assertEquals(60.0, estimate.joules(), 1e-12);
        assertEquals("CPU time x 15 W per busy core", estimate.describe());
    }

    @Test
    void theGpuWattageMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new GpuTimeTerm(() -> 0, 0, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new GpuTimeTerm(() -> 0, Double.NaN, Optional.empty()));
    }
}
