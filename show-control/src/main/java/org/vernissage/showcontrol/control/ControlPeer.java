package org.vernissage.showcontrol.control;

import java.net.InetAddress;

/**
 * Who sent a command, and so who hears its reply: a host over UDP, or one TCP connection. The
 * passcode state, subscriptions and replies are kept per peer.
 *
 * <p>Made and used on the control endpoint's thread.
 */
sealed interface ControlPeer permits ControlPeer.Udp, ControlTransport.Connection {

    /** The console id the peer's commands carry into the ring. */
    int id();

    /** A UDP console, known by its host (its source port changes with every oscsend). */
    record Udp(InetAddress host) implements ControlPeer {
        @Override
        public int id() {
            return host.hashCode();
        }
    }
}
