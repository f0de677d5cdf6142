package org.vernissage.showcontrol.hours;

/**
 * What the opening hours move: the work's standby (a fade to black and rest, a wake and fade in)
 * and, when the venue file names one, a cue. Called on the opening-hours agent's thread; must not
 * block (post to the render thread's mailbox, offer to the ring).
 */
public interface OpeningListener {

    /** The venue opens (or the run starts during opening hours, with {@code atStart}). */
    void opened(OpeningHours.Transition transition, boolean atStart);

    /** The venue closes (or the run starts outside opening hours, with {@code atStart}). */
    void closed(OpeningHours.Transition transition, boolean atStart);
}
