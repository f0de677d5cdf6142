package org.vernissage.showcontrol.control;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the control endpoint has done, for a statistics line. Written by the endpoint's thread,
 * read by any.
 */
public final class ControlStats {

    final AtomicLong commands = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong badPasscodes = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong ringFull = new AtomicLong();
    final AtomicLong repliesSent = new AtomicLong();
    final AtomicLong repliesLost = new AtomicLong();
    final AtomicLong updatesSent = new AtomicLong();
    final AtomicLong connectionsRefused = new AtomicLong();
    final AtomicLong notAllowed = new AtomicLong();

    public long commands() {
        return commands.get();
    }

    public long refused() {
        return refused.get();
    }

    public long badPasscodes() {
        return badPasscodes.get();
    }

    public long malformed() {
        return malformed.get();
    }

    public long ringFull() {
        return ringFull.get();
    }

    public long repliesSent() {
        return repliesSent.get();
    }

    /** Replies that could not be sent (the console had gone, its buffer was full). */
    public long repliesLost() {
        return repliesLost.get();
    }

    public long updatesSent() {
        return updatesSent.get();
    }

    /** Datagrams dropped and connections closed because the sender is not in {@code --control-allow}. */
    public long notAllowed() {
        return notAllowed.get();
    }

    /** One line for the statistics; empty when nothing happened. */
    public String describe(String where) {
        if (commands() + malformed() + notAllowed() == 0) {
            return "";
        }
        return "control " + where + ": " + commands() + " commands, " + refused() + " refused, " + badPasscodes()
                + " bad passcodes, " + malformed() + " malformed packets, " + ringFull() + " lost to a full ring; "
                + repliesSent() + " replies sent, " + repliesLost() + " lost, " + updatesSent() + " updates sent"
                + (notAllowed() > 0 ? "; " + notAllowed() + " refused as not in --control-allow" : "");
    }
}
