package org.vernissage.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lwjgl.opengl.GL11C;
import org.lwjgl.system.MemoryUtil;

class EglSurfacelessContextTest {

    @AfterEach
    void clearPlatform() {
        System.clearProperty(EglHeadlessDisplay.PLATFORM_PROPERTY);
    }

    @Test
    void opensACoreContextWithoutADisplayAndClears() throws Exception {
        try (EglSurfacelessContext context = EglSurfacelessContext.open(16, 8)) {
            assertTrue(context.headless());
            assertTrue(context.description().contains("OpenGL"), context.description());
            assertClears(context);
        }
    }

    /** Mesa offers both platforms, so both paths run here; NVIDIA's driver offers only "device". */
    @ParameterizedTest
    @ValueSource(strings = {"surfaceless", "device"})
    void eachHeadlessPlatformGivesAWorkingContext(String platform) throws Exception {
        System.setProperty(EglHeadlessDisplay.PLATFORM_PROPERTY, platform);
        try (EglSurfacelessContext context = EglSurfacelessContext.open(16, 8)) {
            assertTrue(context.description().contains(platform + " platform"), context.description());
            assertClears(context);
        }
    }

    /** A second output, or the next run in the same JVM, must survive the first one closing. */
    @Test
    void closingOneContextLeavesAnotherOnTheSameDisplayWorking() throws Exception {
        CompletableFuture<Void> firstOpen = new CompletableFuture<>();
        CompletableFuture<Void> secondOpen = new CompletableFuture<>();
        CompletableFuture<Void> firstClosed = new CompletableFuture<>();
        Thread first = new Thread(() -> {
            try (EglSurfacelessContext context = EglSurfacelessContext.open(16, 8)) {
                firstOpen.complete(null);
                secondOpen.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                firstOpen.completeExceptionally(e);
            }
            firstClosed.complete(null);
        }, "first-render-thread");
        first.start();
        firstOpen.get(10, TimeUnit.SECONDS);
        try (EglSurfacelessContext second = EglSurfacelessContext.open(16, 8)) {
            secondOpen.complete(null);
            firstClosed.get(10, TimeUnit.SECONDS);
            assertClears(second);
        }
        first.join(10_000);
    }

    @Test
    void anUnknownForcedPlatformIsNamed() {
        System.setProperty(EglHeadlessDisplay.PLATFORM_PROPERTY, "wayland");
        GlContextException e = assertThrows(GlContextException.class, () -> EglSurfacelessContext.open(16, 8));
        assertTrue(e.getMessage().contains("vernissage.egl.platform=wayland")
                && e.getMessage().contains("surfaceless or device"), e.getMessage());
    }

    private static void assertClears(EglSurfacelessContext context) {
        int[] major = new int[1];
        GL11C.glGetIntegerv(0x821B /* GL_MAJOR_VERSION */, major);
        assertTrue(major[0] >= 3, "core context of at least 3.3, got " + major[0]);
        try (Framebuffer target = new Framebuffer(16, 8)) {
            target.bind();
            GL11C.glClearColor(1f, 0.5f, 0f, 1f);
            GL11C.glClear(GL11C.GL_COLOR_BUFFER_BIT);
            ByteBuffer pixels = MemoryUtil.memAlloc(16 * 8 * 4);
            try {
                target.readPixels(pixels);
                assertEquals(255, pixels.get(0) & 0xFF);
                assertEquals(128, pixels.get(1) & 0xFF, 1);
                assertEquals(0, pixels.get(2) & 0xFF);
                assertEquals(255, pixels.get(3) & 0xFF);
            } finally {
                MemoryUtil.memFree(pixels);
            }
        }
    }
}
