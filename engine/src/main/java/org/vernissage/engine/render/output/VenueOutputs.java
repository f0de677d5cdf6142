package org.vernissage.engine.render.output;

import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.system.MemoryUtil.NULL;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.lwjgl.PointerBuffer;
import org.lwjgl.glfw.GLFWVidMode;
import org.vernissage.engine.render.FrameListener;
import org.vernissage.engine.render.GlContext;
import org.vernissage.engine.render.GlfwWindowContext;
import org.vernissage.engine.render.Output;
import org.vernissage.engine.render.ShaderBuildException;

/**
 * A venue in play: the live settings of each of its outputs (numbered from 1), the outputs built
 * from them, and saving them back to the venue file.
 *
 * <p>Made on the thread preparing the run; {@link #build} (which opens the windows) and
 * {@link #save} on the render thread, as are the settings' changes (posted by
 * {@link OutputOscControl} to the render mailbox). The venue file is written on a saver thread of
 * its own, so a slow disk never holds a frame. Owned by whoever wires the run (the app's venue
 * part); the outputs it builds are owned by the render loop.
 */
public final class VenueOutputs implements AutoCloseable {

    private static final Logger LOG = System.getLogger(VenueOutputs.class.getName());

    private final Path file;
    private final OutputSettings[] settings;
    private final ExecutorService saver;
    private final AtomicLong saves = new AtomicLong();
    private final AtomicLong saveFailures = new AtomicLong();

    public VenueOutputs(Path file, Venue venue) {
        this.file = file;
        this.settings = new OutputSettings[venue.outputs().size()];
        for (int i = 0; i < settings.length; i++) {
            settings[i] = new OutputSettings(i + 1, venue.outputs().get(i));
        }
        this.saver = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vernissage-venue-saver");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Loads {@code file} (see {@link VenueLoader}). */
    public static VenueOutputs load(Path file) throws VenueException {
        return new VenueOutputs(file, VenueLoader.load(file));
    }

    public Path file() {
        return file;
    }

    /** How many outputs. */
    public int count() {
        return settings.length;
    }

    /** Output {@code number}, from 1. */
    public OutputSettings output(int number) {
        return settings[number - 1];
    }

    /** Whether any output is a window or a monitor (the run then needs a display). */
    public boolean needsDisplay() {
        for (OutputSettings output : settings) {
            if (output.placement().needsDisplay()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Builds every output, in the venue's order: offscreen ones drawing into images handed to the
     * listener {@code offscreen} gives for them, windows and monitors as windows sharing
     * {@code context} (which must then be a {@link GlfwWindowContext}); the last window swaps
     * with vsync, the others without (see {@link WindowWarpOutput}). Render thread, context current;
     * on failure, what was built is closed.
     */
    public List<Output> build(GlContext context, Function<OutputSettings, FrameListener> offscreen)
            throws VenueException, ShaderBuildException {
        int lastWindow = -1;
        for (int i = 0; i < settings.length; i++) {
            if (settings[i].placement().needsDisplay()) {
                lastWindow = i;
            }
        }
        List<Output> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < settings.length; i++) {
                OutputSettings output = settings[i];
                if (output.placement() instanceof Placement.Offscreen size) {
                    outputs.add(new OffscreenWarpOutput(output, size.width(), size.height(), offscreen.apply(output)));
                } else if (context instanceof GlfwWindowContext run) {
                    outputs.add(window(run, output, i, i == lastWindow));
                } else {
                    throw VenueException.field(file, "outputs[" + i + "]", "an \"offscreen\" output in a run without"
                            + " a display (" + context.description() + ")", "a window or a monitor");
                }
            }
        } catch (VenueException | ShaderBuildException | RuntimeException e) {
            for (Output built : outputs.reversed()) {
                built.close();
            }
            throw e;
        }
        return outputs;
    }

    private WindowWarpOutput window(GlfwWindowContext run, OutputSettings output, int index, boolean vsync)
            throws VenueException, ShaderBuildException {
        String title = "Vernissage: output " + output.number() + " " + output.name();
        long window;
        String where;
        if (output.placement() instanceof Placement.Window placed) {
            window = run.openSharedWindow(title, placed.width(), placed.height(), NULL);
            if (window != NULL) {
                glfwSetWindowPos(window, placed.x(), placed.y());
                glfwShowWindow(window);
            }
            where = "window " + placed.width() + "x" + placed.height() + " at " + placed.x() + ", " + placed.y();
        } else {
            Placement.Fullscreen filled = (Placement.Fullscreen) output.placement();
            long monitor = monitor(filled, index);
            GLFWVidMode mode = glfwGetVideoMode(monitor);
            window = run.openSharedWindow(title, mode.width(), mode.height(), monitor);
            if (window != NULL) {
                glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
            }
            where = "fullscreen on " + glfwGetMonitorName(monitor) + " " + mode.width() + "x" + mode.height();
        }
        if (window == NULL) {
            throw VenueException.field(file, "outputs[" + index + "]", "a window the display would open",
                    "GLFW refused it");
        }
        try {
            return new WindowWarpOutput(output, window, run.handle(), vsync, where);
        } catch (ShaderBuildException | RuntimeException e) {
            glfwDestroyWindow(window);
            throw e;
        }
    }

    private long monitor(Placement.Fullscreen filled, int index) throws VenueException {
        PointerBuffer monitors = glfwGetMonitors();
        int count = monitors == null ? 0 : monitors.limit();
        List<String> names = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            String name = glfwGetMonitorName(monitors.get(m));
            names.add(name);
            if (filled.name().isEmpty() ? m == filled.index() : name != null && name.contains(filled.name())) {
                return monitors.get(m);
            }
        }
        throw VenueException.field(file, "outputs[" + index + "].fullscreen", "a connected monitor (" + count
                + " connected, numbered from 0: " + names + ")", filled.name().isEmpty() ? "" + filled.index()
                : "\"" + filled.name() + "\"");
    }

    /** What the venue file would say now. Render thread (it reads the live settings). */
    public Venue snapshot() {
        List<OutputSpec> specs = new ArrayList<>(settings.length);
        for (OutputSettings output : settings) {
            specs.add(output.toSpec());
        }
        return new Venue(specs);
    }

    /**
     * Writes the settings as they are now back to the venue file, on the saver thread (atomically:
     * a temporary file renamed over it). Render thread.
     */
    public void save() {
        Venue venue = snapshot();
        saver.execute(() -> {
            try {
                VenueWriter.write(file, venue);
                saves.incrementAndGet();
                LOG.log(Level.INFO, "venue saved to " + file);
            } catch (IOException | RuntimeException e) {
                saveFailures.incrementAndGet();
                LOG.log(Level.WARNING, "could not save the venue to " + file + ": " + e
                        + "; the file keeps what it had and the show goes on");
            }
        });
    }

    /** Saves written so far. Any thread. */
    public long saves() {
        return saves.get();
    }

    /** Saves that failed. Any thread. */
    public long saveFailures() {
        return saveFailures.get();
    }

    /** Lets a pending save finish (a few seconds at most), then stops the saver thread. */
    @Override
    public void close() {
        saver.shutdown();
        try {
            saver.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
