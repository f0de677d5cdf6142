package org.vernissage.engine.render.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.opengl.GL11C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL11C.glClear;
import static org.lwjgl.opengl.GL11C.glClearColor;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.RecordingLog;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.RenderTarget;
import org.vernissage.engine.render.TargetFormat;

/**
 * The warmer checked against the render context's driver at its first open, with real headless
 * EGL contexts (llvmpipe here): on the same driver it warms; on another it closes its context, says
 * why once at info, counts no failure and never opens another.
 */
class ProgramCacheWarmerTest {

    private static final ParameterLayout NO_PARAMETERS = new ParameterLayout(List.of());

    private final RecordingLog log = new RecordingLog();
    private final AtomicInteger opened = new AtomicInteger();

    /** A piece that clears its target: enough for the warm-up to build, draw and dispose it. */
    private static Artwork clearing() {
        return new Artwork() {
            @Override
            public void setup(RenderTarget target) {
            }

            @Override
            public void update(FrameInfo frame, ParameterSnapshot parameters) {
            }

            @Override
            public void render(FrameInfo frame, RenderTarget target) {
                glClearColor(0.2f, 0.4f, 0.6f, 1f);
                glClear(GL_COLOR_BUFFER_BIT);
            }

            @Override
            public void dispose() {
            }
        };
    }

    private ProgramCacheWarmer warmerBeside(GlDriver render) {
        return new ProgramCacheWarmer((width, height) -> {
            opened.incrementAndGet();
            return EglSurfacelessContext.open(width, height);
        }, render, ProgramCacheWarmerTest::clearing, NO_PARAMETERS, 16, 16, TargetFormat.RGBA8, log);
    }

    /** The driver a headless EGL context runs on here, read in one of its own. */
    private static GlDriver thisMachinesDriver() throws Exception {
        try (EglSurfacelessContext context = EglSurfacelessContext.open(4, 4)) {
            return GlDriver.ofCurrentContext();
        }
    }

    @Test
    void onTheRenderContextsDriverItWarms() throws Exception {
        ProgramCacheWarmer warmer = warmerBeside(thisMachinesDriver());
        try {
            assertTrue(warmer.warm(), warmer.describe());
            assertTrue(warmer.warm(), warmer.describe());
            assertEquals(2, warmer.warmUps());
            assertEquals(1, opened.get(), "one context for every warm-up");
            assertTrue(warmer.contextOpen());
            assertTrue(warmer.unavailableBecause().isEmpty());
        } finally {
            warmer.close();
        }
        assertFalse(warmer.contextOpen());
    }

    @Test
    void onAnotherDriverItClosesItsContextAndGivesUpSayingWhyOnce() throws Exception {
        GlDriver gpu = new GlDriver("AMD", "AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)",
                "4.6 (Core Profile) Mesa 22.3.6");
        ProgramCacheWarmer warmer = warmerBeside(gpu);
        assertFalse(warmer.warm(), "no warm-up in a context whose cache the render context never reads");
        assertFalse(warmer.contextOpen(), "the warm context was closed at once");
        assertFalse(warmer.warm());
        assertFalse(warmer.warm());
        assertEquals(1, opened.get(), "never opened again");
        assertEquals(0, warmer.warmUps());
        assertEquals(0, warmer.failures(), "a refusal is not a failed save");
        String why = warmer.unavailableBecause().orElseThrow();
        assertTrue(why.contains("is not the render context's (AMD Radeon RX 6600"), why);
        assertEquals(1, log.at(Level.INFO, "share no shader cache").size(), "said once, at info: " + log.lines());
        assertTrue(log.visible().isEmpty(), "nothing for the operator to act on: " + log.lines());
        assertTrue(log.lines().get(0).contains("each reload compiles on the render thread"), log.lines().toString());
        assertEquals("not warmed off the render thread: " + why, warmer.describe());
        warmer.close();
    }
}
