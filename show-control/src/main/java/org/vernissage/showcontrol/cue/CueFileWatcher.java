package org.vernissage.showcontrol.cue;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.agrona.concurrent.Agent;
import org.vernissage.engine.artwork.FileStamp;
import org.vernissage.engine.param.ParameterLayout;

/**
 * Reloads {@code cues.json} when it is saved during a run: every {@code interval} it looks at the
 * file's modification time and size; when they changed it reads the file whole and checks it as
 * at start. A good list is handed to {@code onGood} (which offers it to the cue stage and the
 * control endpoint and puts a RELOAD command into the ring); a broken one is reported once per
 * distinct message, naming the file, the cue and the field, and <b>the last good list keeps
 * running</b>. When {@code onGood} cannot hand the list on (the ring is full) it is tried again at
 * the next look.
 *
 * <p>An Agrona agent: run it on any agent thread that parks (the run puts it on the outbox
 * agent's); its duty cycle only compares a clock reading until the interval has passed. Its
 * counters are written by that thread and read by any.
 */
public final class CueFileWatcher implements Agent {

    /** Takes a good new list and the text it was read from (as saved, for a journal to keep). */
    @FunctionalInterface
    public interface Reload {
        /** False when the list could not be passed on yet (tried again at the next look). */
        boolean reload(CueList list, String text);
    }

    private final Path file;
    private final ParameterLayout layout;
    private final Reload onGood;
    private final long intervalNanos;
    private final Logger log;
    private final Set<String> reported = new HashSet<>();
    private long nextLook;
    private Optional<FileStamp> seen = Optional.empty();
    private volatile long reloads;
    private volatile long refused;
    private volatile String failing = "";

    /**
     * @param onGood takes a new good list; returns false when it could not pass it on yet
     */
    public CueFileWatcher(Path file, ParameterLayout layout, Reload onGood, Duration interval, Logger log) {
        this.file = Objects.requireNonNull(file, "file");
        this.layout = layout;
        this.onGood = onGood;
        this.intervalNanos = interval.toNanos();
        this.log = log;
    }

    @Override
    public void onStart() {
        // The list the run started with is the file as it is now: only later saves are reloads.
        look();
        nextLook = System.nanoTime() + intervalNanos;
    }

    @Override
    public int doWork() {
        long now = System.nanoTime();
        if (now - nextLook < 0) {
            return 0;
        }
        nextLook = now + intervalNanos;
        Optional<FileStamp> before = seen;
        if (!look() || seen.equals(before)) {
            return 0;
        }
        try {
            String text = CueListLoader.read(file);
            CueList list = CueListLoader.parse(file, text, layout);
            if (!onGood.reload(list, text)) {
                seen = before; // not passed on: look again next time
                return 1;
            }
            reloads++;
            if (!failing.isEmpty()) {
                log.log(Level.INFO, file + ": good again, the new cue list runs");
            }
            failing = "";
        } catch (CueListException e) {
            refused++;
            failing = e.getMessage();
            if (reported.add(e.getMessage())) {
                log.log(Level.WARNING, e.getMessage() + "; the last good cue list keeps running");
            }
        }
        return 1;
    }

    /** Reads the file's stamp; false, the last one kept, when it cannot be read now (being saved, removed). */
    private boolean look() {
        Optional<FileStamp> now = FileStamp.of(file);
        if (now.isPresent()) {
            seen = now;
        }
        return now.isPresent();
    }

    /** Good lists passed on since the start. */
    public long reloads() {
        return reloads;
    }

    /** Saves refused (broken files) since the start. */
    public long refused() {
        return refused;
    }

    /** Why the file is refused now, or "" when the last save was good. */
    public String failing() {
        return failing;
    }

    @Override
    public String roleName() {
        return "cues-watch " + file.getFileName();
    }
}
