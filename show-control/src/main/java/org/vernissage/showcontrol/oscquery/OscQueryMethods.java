package org.vernissage.showcontrol.oscquery;

import java.util.List;

/**
 * The control methods an OSCQuery namespace lists besides the parameters, which may change while
 * the run goes on: the control port's per-cue addresses follow a reloaded {@code cues.json}. The
 * server looks at {@link #generation()} once a second and, when it moved, lists {@link #methods()}
 * instead and tells its WebSocket clients which paths were added and removed.
 *
 * <p>Both methods are called on the server's event loop; an implementation reads state another
 * thread publishes (the cue list in force) and must not block.
 */
public interface OscQueryMethods {

    /** A number that changes whenever {@link #methods()} may have. */
    long generation();

    /** The methods to list now. */
    List<OscQueryMethod> methods();
}
