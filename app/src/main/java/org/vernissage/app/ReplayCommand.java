package org.vernissage.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vernissage.engine.journal.JournalReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vernissage replay <journal> <artwork-folder>}: plays a recorded session back, frame for
 * frame: every input the gallery run received, applied on the recorded timeline, so the same
 * frames come out (in the studio, for a capture, to find what happened at 15:42 on Sunday).
 *
 * <p>Picocli fills the fields and calls {@link #call()} on the main thread, which becomes the
 * render thread.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Play a session recorded with 'run --record' back into an artwork.")
final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOURNAL", description = "The file 'run --record' wrote.")
    private Path journal;

    @Parameters(index = "1", paramLabel = "ARTWORK-FOLDER", description = "The artwork the session was recorded with.")
    private Path artworkFolder;

    @Mixin
    private OutputFlags output;

    @Option(names = "--size", paramLabel = "WxH", converter = OutputFlags.SizeConverter.class,
            description = "Frame size in pixels (default: the recorded size; another size gives other frames).")
    private FrameSize size;

    @Option(names = "--fast", description = "Render as fast as possible instead of at the recorded pace.")
    private boolean fast;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "0",
            description = "Stop after N frames; 0 plays the whole journal (default: ${DEFAULT-VALUE}).")
    private long frames;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FrameSize recorded;
        try (JournalReader reader = JournalReader.open(journal)) {
            recorded = new FrameSize(reader.header().width(), reader.header().height());
        }
        RunOptions options;
        try {
            options = new RunOptions(artworkFolder, output.toOptions(size == null ? recorded : size),
                    new PacingOptions(60, frames, false), SensorOptions.defaults(), PipelineOptions.DEFAULT,
                    new JournalOptions(Optional.empty(), Optional.of(new JournalOptions.Replay(journal, !fast))),
                    output.statsInterval());
        } catch (IllegalArgumentException badValue) {
            throw new ParameterException(spec.commandLine(), badValue.getMessage(), badValue);
        }
        try (LogFiles logs = output.logFiles(spec.commandLine().getOut())) {
            return Performance.play(options, logs.out());
        }
    }
}
