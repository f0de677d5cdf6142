package org.vernissage.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vernissage.engine.artwork.ReloadableArtwork;
import org.vernissage.engine.render.RenderMailbox;
import org.vernissage.engine.render.reload.HotReload;
import org.vernissage.engine.render.reload.ReloadReport;

/**
 * Hot reload ({@code vernissage run}, on unless {@code --no-reload}): the artwork's shader, its
 * includes and its manifest are watched, and a save puts the new program on the wall at a frame
 * boundary; a save that does not build leaves the last good program there and is reported once
 * per distinct error, in the log and in the statistics ({@link ReloadReport#describe()}).
 *
 * <p>Started after the artwork part, so it is closed (the watcher stopped) before the artwork is
 * disposed. Same threads and owner as every {@link RunPart}.
 */
final class ReloadPart implements RunPart {

    private final HotReload reload;
    private final AgentHealthLine agent;

    private ReloadPart(HotReload reload) {
        this.reload = reload;
        this.agent = new AgentHealthLine("hot reload", reload::health);
    }

    /** Starts watching {@code artwork}'s files; the render loop must drain {@code mailbox}. Render thread. */
    static ReloadPart start(ReloadableArtwork artwork, RenderMailbox mailbox) {
        return new ReloadPart(HotReload.start(artwork, mailbox, HotReload.Settings.DEFAULT,
                System.getLogger(HotReload.class.getName())));
    }

    /** What the reload has done so far. Any thread. */
    ReloadReport report() {
        return reload.report();
    }

    @Override
    public Optional<String> banner() {
        return Optional.of("hot reload on (--no-reload to turn it off)");
    }

    @Override
    public List<String> statistics() {
        List<String> lines = new ArrayList<>();
        ReloadReport report = reload.report();
        if (report.reloads() > 0 || report.failures() > 0) {
            lines.add(report.describe());
        }
        lines.addAll(agent.lines());
        return lines;
    }

    @Override
    public void close() {
        agent.partClosed();
        reload.close();
    }
}
