package org.vernissage.app;

import org.vernissage.showcontrol.console.ConsoleState;

/**
 * What the console's buttons do and what it shows of the cue list. Called on the console's
 * thread: must not block (offer commands to the ring, read the cue list's published state).
 */
interface ConsoleCommands {

    /** Runs "go", "stop" or "panic" and says what happened; throws IllegalArgumentException when it cannot. */
    String run(String name);

    /** The cue list as it is now. */
    ConsoleState.Cues cues();
}
