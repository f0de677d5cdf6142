package org.vernissage.showcontrol.oscquery;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the OSCQuery server counted: requests answered, refused (unknown path, bad attribute or
 * method), WebSocket commands, value pushes and pushes dropped for a client that does not read,
 * mDNS queries answered. Written on the server's event loop; read on any thread.
 */
public final class OscQueryStats {

    final AtomicLong requests = new AtomicLong();
    final AtomicLong notFound = new AtomicLong();
    final AtomicLong badRequests = new AtomicLong();
    final AtomicLong staleAnswers = new AtomicLong();
    final AtomicLong commands = new AtomicLong();
    final AtomicLong badCommands = new AtomicLong();
    final AtomicLong pushes = new AtomicLong();
    final AtomicLong pushesDropped = new AtomicLong();
    final AtomicLong mdnsAnswers = new AtomicLong();
    final AtomicLong connectionsRefused = new AtomicLong();

    public long requests() {
        return requests.get();
    }

    public long notFound() {
        return notFound.get();
    }

    public long badRequests() {
        return badRequests.get();
    }

    /** Answers given with values that might be a frame or more old (no frame came within the wait). */
    public long staleAnswers() {
        return staleAnswers.get();
    }

    public long commands() {
        return commands.get();
    }

    public long badCommands() {
        return badCommands.get();
    }

    public long pushes() {
        return pushes.get();
    }

    public long pushesDropped() {
        return pushesDropped.get();
    }

    public long mdnsAnswers() {
        return mdnsAnswers.get();
    }

    /** Connections closed unanswered because {@code OscQueryServer.MAX_CONNECTIONS} were open. */
    public long connectionsRefused() {
        return connectionsRefused.get();
    }

    /** One line for the run's statistics. */
    public String describe() {
        return requests() + " requests (" + notFound() + " not found, " + badRequests() + " bad), "
                + commands() + " listen commands (" + badCommands() + " bad), " + pushes() + " value pushes ("
                + pushesDropped() + " dropped for slow clients), " + mdnsAnswers() + " mDNS answers, " + connectionsRefused() + " connections refused (too many)";
    }
}
