package org.vernissage.models;

/**
 * A model could not be loaded, trained or run. The message names the file (and where it helps the
 * field, the tensor or the example) and what was expected, so that it can be shown as it is.
 */
public class ModelException extends Exception {

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
