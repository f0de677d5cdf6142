package org.vernissage.engine.render.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a warm context can fill a cache the render context reads: the same Mesa driver, and only then. */
class GlDriverTest {

    private static final GlDriver LLVMPIPE = new GlDriver("Mesa/X.org", "llvmpipe (LLVM 15.0.6, 256 bits)",
            "4.5 (Core Profile) Mesa 22.3.6");
    private static final GlDriver RADEONSI = new GlDriver("AMD",
            "AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)", "4.6 (Core Profile) Mesa 22.3.6");
    private static final GlDriver NVIDIA = new GlDriver("NVIDIA Corporation", "NVIDIA GeForce RTX 3060/PCIe/SSE2",
            "4.6.0 NVIDIA 535.113.01");

    @Test
    void theSameMesaDriverSharesItsCache() {
        assertTrue(LLVMPIPE.mesa());
        assertEquals(Optional.empty(), LLVMPIPE.whyNoCacheSharedWith(
                new GlDriver("Mesa/X.org", "llvmpipe (LLVM 15.0.6, 256 bits)", "4.5 (Core Profile) Mesa 22.3.6")));
        assertTrue(RADEONSI.mesa(), "every Mesa driver says Mesa in its version, whatever its vendor");
    }

    @Test
    void aWarmContextOnAnotherDriverIsRefusedSayingBoth() {
        // A window on the GPU, the surfaceless EGL context on llvmpipe: nothing the warm-up compiles is read.
        String why = RADEONSI.whyNoCacheSharedWith(LLVMPIPE).orElseThrow();
        assertTrue(why.contains("the warm context's driver (llvmpipe (LLVM 15.0.6, 256 bits), Mesa/X.org)"), why);
        assertTrue(why.contains("is not the render context's (AMD Radeon RX 6600"), why);
        assertTrue(why.contains("share no shader cache"), why);
        // the other way round too, and another device behind the same vendor
        assertTrue(LLVMPIPE.whyNoCacheSharedWith(RADEONSI).isPresent());
        assertTrue(RADEONSI.whyNoCacheSharedWith(new GlDriver("AMD", "AMD Radeon RX 7600 (navi33)",
                "4.6 (Core Profile) Mesa 22.3.6")).isPresent());
    }

    @Test
    void aDriverThatIsNotMesasReadsNoCacheAWarmerFills() {
        assertFalse(NVIDIA.mesa());
        String why = NVIDIA.whyNotMesa().orElseThrow();
        assertTrue(why.contains("(NVIDIA GeForce RTX 3060/PCIe/SSE2, NVIDIA Corporation) is not Mesa's"), why);
        assertEquals(Optional.of(why), NVIDIA.whyNoCacheSharedWith(NVIDIA), "even a warm context on it");
        assertEquals(Optional.empty(), LLVMPIPE.whyNotMesa());
    }
}
