package org.vernissage.sensors.osc;

import java.lang.System.Logger;
import java.nio.charset.StandardCharsets;
import org.vernissage.osc.OscMessageView;
import org.vernissage.sensors.FirstOccurrenceLog;

/**
 * The OSC messages the {@link OscBindingRouter} could not apply: counted per {@link OscDropReason}
 * every time, logged the first time per reason with what a technician needs to fix the sender or
 * the manifest: the address and type tags that came, and the binding (with the argument it reads)
 * or the parameter that was expected. The text is built only for that first line; counting
 * allocates nothing.
 *
 * <p>Owned by its router and called on the receiving thread only, as the router is.
 */
final class OscDrops {

    private final OscStats stats;
    private final OscParameterAddresses parameters;
    private final String[] descriptions;
    private final int[] arguments;
    private final int batchCapacity;
    private final FirstOccurrenceLog firstDrops;

    /**
     * @param descriptions each binding's description, by the router's binding index
     * @param arguments the argument each binding reads, by the same index
     * @param batchCapacity the most bound values one packet may carry (named in its drop)
     */
    OscDrops(OscStats stats, OscParameterAddresses parameters, String[] descriptions, int[] arguments,
             int batchCapacity, Logger logger) {
        this.stats = stats;
        this.parameters = parameters;
        this.descriptions = descriptions;
        this.arguments = arguments;
        this.batchCapacity = batchCapacity;
        this.firstDrops = new FirstOccurrenceLog(logger, OscDropReason.values().length);
    }

    /**
     * {@code messages} messages dropped for {@code reason}; {@code message} (or null), the binding
     * index or the parameter (or -1) say what for in the first line.
     */
    void drop(OscDropReason reason, int messages, OscMessageView message, int binding, int parameter) {
        if (messages > 0) {
            stats.messagesDropped(reason, messages);
        }
        logFirst(reason, message, binding, parameter);
    }

    /** Logs the first {@code reason} only, counting nothing: a message partly applied. */
    void logFirst(OscDropReason reason, OscMessageView message, int binding, int parameter) {
        if (!firstDrops.first(reason)) {
            return;
        }
        StringBuilder text = new StringBuilder(stats.source()).append(": OSC message dropped: ")
                .append(reason);
        if (message != null) {
            text.append(" (address ").append(addressOf(message)).append(", type tags ,")
                    .append(typeTagsOf(message)).append(')');
        }
        if (binding >= 0) {
            text.append(" for ").append(descriptions[binding]).append(", which reads argument ")
                    .append(arguments[binding]);
        } else if (parameter >= 0) {
            text.append(" for ").append(parameters.describe(parameter));
        }
        switch (reason) {
            case TOO_MANY_VALUES -> text.append(": a packet carried more than ").append(batchCapacity)
                    .append(" bound values; none of it applied");
            case RING_FULL -> text.append(": the engine is not keeping up");
            default -> { }
        }
        firstDrops.warn(text.append("; further drops for this reason are only counted").toString());
    }

    private static String addressOf(OscMessageView message) {
        byte[] bytes = new byte[message.addressLength()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = message.addressByte(i);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String typeTagsOf(OscMessageView message) {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < message.argumentCount(); i++) {
            tags.append(message.typeTag(i));
        }
        return tags.toString();
    }
}
