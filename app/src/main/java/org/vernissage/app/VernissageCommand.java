package org.vernissage.app;

import picocli.CommandLine.Command;

/**
 * The top of the command line: {@code vernissage <command>}. It holds no behaviour; each
 * subcommand does one job.
 *
 * <p>Built once by {@link Main} on the main thread.
 */
@Command(name = "vernissage",
        description = "A real-time engine for interactive AI artworks.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {RunCommand.class, ReplayCommand.class, TrainCommand.class, ModelsCommand.class})
public final class VernissageCommand {
}
