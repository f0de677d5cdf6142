package org.vernissage.engine.render;

import org.vernissage.engine.artwork.ArtworkException;

/**
 * A shader did not compile or link. {@link #getMessage()} is one line naming the file and line of
 * the first error with the driver's words; {@link #driverLog()} keeps every line, already mapped
 * back to the artist's files.
 *
 * <p>Thrown on the render thread during artwork setup.
 */
public final class ShaderBuildException extends ArtworkException {

    private static final long serialVersionUID = 1L;

    private final String driverLog;

    public ShaderBuildException(String message, String driverLog) {
        super(message);
        this.driverLog = driverLog;
    }

    public String driverLog() {
        return driverLog;
    }
}
