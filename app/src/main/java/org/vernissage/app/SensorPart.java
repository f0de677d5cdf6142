package org.vernissage.app;

import org.vernissage.sensors.SensorStartException;

/**
 * A part that listens to one input and publishes it into the run's ring: an OSC endpoint, TUIO,
 * the phones' server, a MIDI device, an audio input. Its {@link #banner()} says what listens where.
 *
 * <p>Same threads and owner as every {@link RunPart}.
 */
interface SensorPart extends RunPart {

    /**
     * Starts the sensor parts of one kind that the options ask for (none, one, or one per
     * endpoint), each through {@link RunParts#start}; warns about bindings to a kind not started.
     * A new kind of sensor is one {@link SensorPart} class with such a method, listed in
     * {@link ArtworkAssembly#SENSORS}.
     */
    @FunctionalInterface
    interface Kind {
        void start(SensorWiring wiring, RunParts parts) throws SensorStartException;
    }
}
