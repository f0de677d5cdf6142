package org.vernissage.app;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The retention period of a run ({@code --retention-days N}): sweeps once when the run starts
 * (before a new recording is made), then once a day on its own daemon thread, which sleeps
 * in between (no cost per frame).
 *
 * <p>Same threads and owner as every {@link RunPart}; the daily sweep runs on the thread
 * "vernissage-retention".
 */
final class RetentionPart implements RunPart {

    private static final long DAY_HOURS = 24;

    private final RetentionSweep sweep;
    private final ScheduledExecutorService daily;
    private final int firstSweep;

    private RetentionPart(RetentionSweep sweep, ScheduledExecutorService daily, int firstSweep) {
        this.sweep = sweep;
        this.daily = daily;
        this.firstSweep = firstSweep;
    }

    /**
     * Sweeps {@code recordings} (journals) and {@code examples} (example sets) now and every day.
     *
     * @param days the retention period, 1 or more
     */
    static RetentionPart start(int days, List<Path> recordings, List<Path> examples, InstantSource clock) {
        RetentionSweep sweep = new RetentionSweep(days, recordings, examples, clock);
        int first = sweep.sweep().size();
        ScheduledExecutorService daily = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vernissage-retention");
            thread.setDaemon(true);
            return thread;
        });
        daily.scheduleAtFixedRate(sweep::sweep, DAY_HOURS, DAY_HOURS, TimeUnit.HOURS);
        return new RetentionPart(sweep, daily, first);
    }

    @Override
    public Optional<String> banner() {
        return Optional.of("retention: recordings and training examples kept " + sweep.period().toDays()
                + " days (" + firstSweep + " older files deleted at start)");
    }

    @Override
    public List<String> statistics() {
        return List.of("retention " + sweep.period().toDays() + " days: " + sweep.deleted() + " files deleted"
                + (sweep.failures() > 0 ? ", " + sweep.failures() + " could not be deleted (see the log)" : ""));
    }

    @Override
    public void close() {
        daily.shutdownNow();
    }
}
