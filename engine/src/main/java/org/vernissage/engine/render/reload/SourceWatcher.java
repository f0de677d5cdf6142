package org.vernissage.engine.render.reload;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.agrona.concurrent.Agent;

/**
 * Watches an artwork's source files through a {@link WatchService} on their folders and calls
 * {@link Listener#filesChanged} once per save, however the editor saves.
 *
 * <p>Editors save in several ways: in place (one or two MODIFY events), through a temporary file
 * renamed over the original (CREATE or a DELETE then CREATE of the name), or with a backup
 * (the original renamed away, then written anew). So a change is acted on only after the files
 * have been quiet for {@code quiet} (debounce), and while a watched file is missing (the moment
 * between a delete and a rename) the watcher waits, up to {@code missingGrace}, for it to come
 * back before it reports: a file briefly missing is not an error; one gone for longer is, and the
 * reload says which.
 *
 * <p>An Agrona {@link Agent}: {@link #doWork} on the agent's thread only, which owns the watch
 * service and every field but the next set of files, which any thread may give through
 * {@link #watch} (after a reload the includes may have changed). Owned by {@link HotReload}.
 */
final class SourceWatcher implements Agent {

    /** Told on the watcher's thread once a change has settled, and when the watcher stops. */
    interface Listener {
        void filesChanged();

        /** The watcher is stopping (or restarting after an error): release what {@link #filesChanged} opened on this thread. */
        default void watcherClosed() {
        }
    }

    private final Listener listener;
    private final long quietNanos;
    private final long missingGraceNanos;
    private final LongSupplier nanoClock;
    private final AtomicReference<List<Path>> next = new AtomicReference<>();
    private final Map<Path, WatchKey> folders = new HashMap<>();
    private final Set<Path> files = new LinkedHashSet<>();
    private List<Path> watched = List.of();
    private WatchService service;
    private long changedAt = -1; // nanos of the last relevant event, or -1 when nothing is pending
    private long settledAt = -1; // nanos when the change first looked settled, for the missing-file grace
    private long events;

    SourceWatcher(List<Path> initial, Listener listener, Duration quiet, Duration missingGrace, LongSupplier nanoClock) {
        this.listener = listener;
        this.quietNanos = quiet.toNanos();
        this.missingGraceNanos = missingGrace.toNanos();
        this.nanoClock = nanoClock;
        next.set(List.copyOf(initial));
    }

    /** Watches {@code sourceFiles} from the next duty cycle on. Any thread. */
    void watch(List<Path> sourceFiles) {
        next.set(List.copyOf(sourceFiles));
    }

    @Override
    public void onStart() {
        try {
            service = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            throw new IllegalStateException("cannot watch the artwork's files: " + e.getMessage(), e);
        }
        folders.clear();
        files.clear();
        List<Path> given = next.getAndSet(null);
        try {
            register(given != null ? given : watched);
        } catch (IOException e) {
            throw new IllegalStateException("cannot watch the artwork's folders: " + e.getMessage(), e);
        }
    }

    @Override
    public int doWork() throws IOException {
        int work = 0;
        List<Path> changedSet = next.getAndSet(null);
        if (changedSet != null) {
            register(changedSet);
            work++;
        }
        WatchKey key;
        while ((key = service.poll()) != null) {
            Path folder = (Path) key.watchable();
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == OVERFLOW || files.contains(folder.resolve((Path) event.context()))) {
                    changedAt = nanoClock.getAsLong();
                    settledAt = -1;
                    events++;
                }
            }
            key.reset();
            work++;
        }
        return work + settle();
    }

    /** Reports the pending change once it has been quiet long enough and its files are back (or the grace is over). */
    private int settle() {
        if (changedAt < 0) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        if (now - changedAt < quietNanos) {
            return 0;
        }
        boolean waitedForMissing = settledAt >= 0; // an earlier look found it quiet but a file missing
        if (settledAt < 0) {
            settledAt = now;
        }
        boolean missing = anyMissing();
        if (missing && now - settledAt < missingGraceNanos) {
            return 0;
        }
        if (!missing && waitedForMissing) {
            // A file waited for is back, maybe before the events of its own write have come: its
            // return counts as a change, so those events and it make one reload, not two.
            changedAt = now;
            settledAt = -1;
            return 0;
        }
        changedAt = -1;
        settledAt = -1;
        listener.filesChanged();
        return 1;
    }

    private boolean anyMissing() {
        for (Path file : files) {
            if (!Files.exists(file)) {
                return true;
            }
        }
        return false;
    }

    private void register(List<Path> sourceFiles) throws IOException {
        watched = sourceFiles;
        files.clear();
        Set<Path> wanted = new LinkedHashSet<>();
        for (Path file : sourceFiles) {
            Path absolute = file.toAbsolutePath().normalize();
            files.add(absolute);
            wanted.add(absolute.getParent());
        }
        folders.entrySet().removeIf(entry -> {
            if (!wanted.contains(entry.getKey())) {
                entry.getValue().cancel();
                return true;
            }
            return false;
        });
        for (Path folder : wanted) {
            if (!folders.containsKey(folder)) {
                folders.put(folder, folder.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE));
            }
        }
    }

    /** File events seen that concerned a watched file; watcher thread (tests read it after a run). */
    long events() {
        return events;
    }

    /** The files watched now; watcher thread. */
    Set<Path> files() {
        return Set.copyOf(files);
    }

    @Override
    public void onClose() {
        try {
            if (service != null) {
                service.close();
            }
        } catch (IOException e) {
            // closing a watch service only releases its inotify handle; nothing to tell anyone
        } finally {
            listener.watcherClosed();
        }
    }

    @Override
    public String roleName() {
        return "reload-watch";
    }
}
