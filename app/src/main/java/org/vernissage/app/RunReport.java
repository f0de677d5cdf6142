package org.vernissage.app;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vernissage.engine.metrics.FrameStats;

/**
 * What a run has done so far, for the console: frames and their timing, every input source's
 * traffic, then what the other parts of the run have to say (agents that failed or restarted, the
 * pipeline's drops, the journal, the captured frames or what stopped the capture), then what the
 * ring, the conductor and the render loop counted instead of stopping the show.
 *
 * <p>Immutable; made by {@link ArtworkRun#report()} on any thread.
 *
 * @param energy the energy meter's last sample and its lines (per hour, frame, model; the budget)
 * @param lines the parts' own statistics lines, newest part first ({@link RunParts#statistics()}),
 *     then the fault lines of the pipeline and the render loop
 */
public record RunReport(FrameStats.Summary frames, List<SourceReading> sources, List<String> lines,
                        Optional<EnergyReport> energy) {

    public RunReport {
        sources = List.copyOf(sources);
        lines = List.copyOf(lines);
        Objects.requireNonNull(energy, "energy");
    }

    /** Without the energy meter's reading. */
    public RunReport(FrameStats.Summary frames, List<SourceReading> sources, List<String> lines) {
        this(frames, sources, lines, Optional.empty());
    }

    /** Messages received by every source whose name starts with {@code prefix} (e.g. "OSC"). */
    public long received(String prefix) {
        return sources.stream().filter(s -> s.source().startsWith(prefix)).mapToLong(SourceReading::received).sum();
    }

    /** Malformed input refused by every source whose name starts with {@code prefix}. */
    public long rejected(String prefix) {
        return sources.stream().filter(s -> s.source().startsWith(prefix)).mapToLong(SourceReading::rejected).sum();
    }

    /** Several lines: frames first, then one per source, then the energy, then the other lines. */
    public String describe() {
        StringBuilder text = new StringBuilder(frames.describe());
        for (SourceReading source : sources) {
            text.append("\n  ").append(source.describe());
        }
        for (String line : energy.map(EnergyReport::lines).orElse(List.of())) {
            text.append("\n  ").append(line);
        }
        for (String line : lines) {
            text.append("\n  ").append(line);
        }
        return text.toString();
    }
}
