package org.vernissage.engine.render;

import static org.lwjgl.egl.EGL10.EGL_EXTENSIONS;
import static org.lwjgl.egl.EGL10.EGL_NO_DISPLAY;
import static org.lwjgl.egl.EGL10.eglGetError;
import static org.lwjgl.egl.EGL10.eglQueryString;
import static org.lwjgl.system.MemoryUtil.memAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;

/**
 * Finds an EGL display that needs no window system, on whichever headless platform the driver
 * offers: Mesa's surfaceless platform (Mesa, any GPU or llvmpipe), else the first device of the
 * EGL device platform (NVIDIA's proprietary driver, and Mesa too). The system property
 * {@code vernissage.egl.platform} ({@code surfaceless} or {@code device}) forces one.
 *
 * <p>Called on the render thread while it opens its context; holds no state.
 */
final class EglHeadlessDisplay {

    /** The platform to use, e.g. for a test of each or a machine where one of them misbehaves. */
    static final String PLATFORM_PROPERTY = "vernissage.egl.platform";

    /** A headless EGL platform: its enum, its client extension, and the name we give it. */
    enum Platform {
        SURFACELESS(0x31DD, "EGL_MESA_platform_surfaceless"), // EGL_PLATFORM_SURFACELESS_MESA
        DEVICE(0x313F, "EGL_EXT_platform_device");            // EGL_PLATFORM_DEVICE_EXT

        final int eglEnum;
        final String extension;

        Platform(int eglEnum, String extension) {
            this.eglEnum = eglEnum;
            this.extension = extension;
        }

        String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An uninitialised display and the platform it came from. */
    record Found(long display, Platform platform) {
    }

    private EglHeadlessDisplay() {
    }

    static Found find(String installHint) throws GlContextException {
        String clientExtensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
        String extensions = clientExtensions == null ? "" : clientExtensions;
        // LWJGL's wrappers refuse the NULL native display these platforms take: call them directly.
        long getPlatformDisplay = EGL.getFunctionProvider().getFunctionAddress("eglGetPlatformDisplayEXT");
        if (getPlatformDisplay == 0L) {
            throw new GlContextException("this EGL lacks eglGetPlatformDisplayEXT; " + installHint);
        }
        List<String> tried = new ArrayList<>();
        for (Platform platform : candidates()) {
            if (!extensions.contains(platform.extension)) {
                tried.add(platform.extension + " (not offered)");
                continue;
            }
            long display = platform == Platform.DEVICE
                    ? deviceDisplay(getPlatformDisplay)
                    : JNI.invokePPP(platform.eglEnum, 0L, 0L, getPlatformDisplay);
            if (display != EGL_NO_DISPLAY) {
                return new Found(display, platform);
            }
            tried.add(platform.extension + " (error 0x" + Integer.toHexString(eglGetError()) + ")");
        }
        throw new GlContextException("EGL gave no display for rendering without a window; tried "
                + String.join(", ", tried) + "; " + installHint);
    }

    private static List<Platform> candidates() throws GlContextException {
        String forced = System.getProperty(PLATFORM_PROPERTY);
        if (forced == null || forced.isBlank()) {
            return List.of(Platform.SURFACELESS, Platform.DEVICE);
        }
        for (Platform platform : Platform.values()) {
            if (platform.cliName().equals(forced.trim())) {
                return List.of(platform);
            }
        }
        throw new GlContextException("-D" + PLATFORM_PROPERTY + "=" + forced
                + ": expected surfaceless or device");
    }

    /** The display of the first EGL device, or EGL_NO_DISPLAY when there is none. */
    private static long deviceDisplay(long getPlatformDisplay) {
        long queryDevices = EGL.getFunctionProvider().getFunctionAddress("eglQueryDevicesEXT");
        if (queryDevices == 0L) {
            return EGL_NO_DISPLAY;
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer devices = stack.mallocPointer(8);
            var count = stack.mallocInt(1);
            if (JNI.invokePPI(devices.remaining(), devices.address(), memAddress(count),
                    queryDevices) == 0 || count.get(0) == 0) {
                return EGL_NO_DISPLAY;
            }
            return JNI.invokePPP(Platform.DEVICE.eglEnum, devices.get(0), 0L, getPlatformDisplay);
        }
    }
}
