package org.vernissage.engine.pipeline;

/** Where a touch point is in its life, as its source reported it. */
public enum TouchPhase {
    ADDED,
    UPDATED,
    REMOVED
}
