package org.vernissage.models.wekinator;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.vernissage.osc.OscMessageView;
import org.vernissage.osc.OscRejection;

/**
 * The Wekinator endpoint's bad input: each kind counted, the first of each kind logged as one
 * WARNING naming the address and what was expected; later ones only counted (the message text is
 * built only for that first one). Receiving thread only; the total is read by any thread.
 */
final class WekinatorProblems {

    private enum Kind { UNKNOWN_ADDRESS, NOT_NUMBERS, INPUT_COUNT, OUTPUT_COUNT, OUTPUT_NAMES, NOT_OSC }

    private final Logger log;
    private final boolean[] said = new boolean[Kind.values().length];
    private final AtomicLong total = new AtomicLong();

    WekinatorProblems(Logger log) {
        this.log = log;
    }

    long total() {
        return total.get();
    }

    void unknownAddress(OscMessageView message) {
        if (first(Kind.UNKNOWN_ADDRESS)) {
            say("message to " + address(message) + " ignored: expected /wek/inputs, /wekinator/control/... "
                    + "(startRecording, stopRecording, train, cancelTrain, startRunning, stopRunning, deleteAllExamples, "
                    + "outputs, setInputNames, setOutputNames, startDtwRecording, stopDtwRecording) or "
                    + "/vernissage/<id>/model/<name>/<command>");
        }
    }

    void notNumbers(OscMessageView message, int index) {
        if (first(Kind.NOT_NUMBERS)) {
            say(address(message) + " ignored: expected numbers, argument " + index + " is '" + message.typeTag(index) + "'");
        }
    }

    void inputCount(OscMessageView message, int got, int expected) {
        if (first(Kind.INPUT_COUNT)) {
            say(address(message) + " ignored: expected " + (expected > 0 ? expected : "1 or more") + " inputs, got " + got);
        }
    }

    void outputCount(OscMessageView message, int got, int expected) {
        if (first(Kind.OUTPUT_COUNT)) {
            say(address(message) + " ignored: expected " + expected + " output values (one per output, 0..1), got " + got);
        }
    }

    void outputNames(OscMessageView message, String expected) {
        if (first(Kind.OUTPUT_NAMES)) {
            say(address(message) + " ignored: expected " + expected);
        }
    }

    /** Counted by the endpoint as a packet, not a message: logged once, not in {@link #total()}. */
    void notOsc(OscRejection why) {
        if (!said[Kind.NOT_OSC.ordinal()]) {
            said[Kind.NOT_OSC.ordinal()] = true;
            say("a packet that is not OSC was ignored: " + why);
        }
    }

    private boolean first(Kind kind) {
        total.lazySet(total.get() + 1);
        if (said[kind.ordinal()]) {
            return false;
        }
        said[kind.ordinal()] = true;
        return true;
    }

    private void say(String line) {
        log.log(Level.WARNING, "wekinator: " + line + " (further messages like it are counted, not logged)");
    }

    private static String address(OscMessageView message) {
        byte[] bytes = new byte[message.addressLength()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = message.addressByte(i);
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
