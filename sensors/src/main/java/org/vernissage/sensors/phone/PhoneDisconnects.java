package org.vernissage.sensors.phone;

import java.lang.System.Logger;
import org.vernissage.sensors.FirstOccurrenceLog;

/**
 * Records that the server closed a connection (or refused a place) for one of the
 * {@link PhoneDisconnect} reasons: counted in {@link PhoneStats}, and the first of each kind logged
 * with the limit that did it and the option that sets it, so an operator whose phones share one
 * NAT address learns why they are refused. Never logs an address: one line per kind, not per
 * client, or a crowd of hostile clients would make the log the outage.
 *
 * <p>Confined to the phones' event loop thread (the stats' single writer); shared by the
 * connections' handlers, owned by the {@link PhoneServer}.
 */
final class PhoneDisconnects {

    private final PhoneServerSettings settings;
    private final PhoneStats stats;
    private final FirstOccurrenceLog firstOfKind;

    PhoneDisconnects(PhoneServerSettings settings, PhoneStats stats, Logger logger) {
        this.settings = settings;
        this.stats = stats;
        this.firstOfKind = new FirstOccurrenceLog(logger, PhoneDisconnect.values().length);
    }

    void count(PhoneDisconnect reason) {
        if (reason != PhoneDisconnect.IDLE && firstOfKind.first(reason)) {
            firstOfKind.warn("phones: closed a connection because " + reason.because(limit(reason)) + " ("
                    + reason + "). Further " + reason + " closes are only counted" + advice(reason));
        }
        stats.countDisconnect(reason); // last: whoever sees the count finds the line already written
    }

    private String limit(PhoneDisconnect reason) {
        return switch (reason) {
            case SLOW_READER -> String.valueOf(settings.maxPendingOutboundBytes());
            case CONTROL_FLOOD -> String.valueOf(settings.maxMessagesPerSecond());
            case REQUEST_TIMEOUT -> settings.requestTimeout().toMillis() + " ms";
            case ADDRESS_CONNECTIONS -> String.valueOf(PhoneAddressQuota.connectionsPerAddress(settings));
            case ADDRESS_PLACES -> String.valueOf(settings.maxParticipantsPerAddress());
            case IDLE -> settings.idleTimeout().toSeconds() + " s";
        };
    }

    private static String advice(PhoneDisconnect reason) {
        return switch (reason) {
            case ADDRESS_CONNECTIONS, ADDRESS_PLACES -> ". If the phones reach this machine through a NAT"
                    + " (one address for all of them), raise the places per address";
            default -> "";
        };
    }
}
