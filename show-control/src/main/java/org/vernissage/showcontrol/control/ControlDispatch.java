package org.vernissage.showcontrol.control;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vernissage.engine.clock.Clock;
import org.vernissage.engine.pipeline.InputBatch;
import org.vernissage.engine.pipeline.InputEvent;
import org.vernissage.engine.pipeline.event.ConsoleCommandFlyweight;
import org.vernissage.engine.pipeline.event.EventKinds;
import org.vernissage.engine.provenance.EngineVersion;
import org.vernissage.showcontrol.control.ControlAction.Local;
import org.vernissage.showcontrol.control.ControlAction.Refused;
import org.vernissage.showcontrol.control.ControlAction.StageCommand;
import org.vernissage.showcontrol.control.ControlAction.ToStage;

/**
 * Does what each message a console sent asks, as the {@link ControlDictionary} reads it: the
 * passcode ({@code /connect}, checked before anything but {@code /udpReplyPort} and what a
 * console asks before it connects, {@code /workspaces} and {@code /version}); the local
 * commands answered at once (thump, updates on/off, a reply port); a refusal; or commands for the
 * cue stage, which enter the input ring as {@code CONSOLE_COMMAND} envelopes (journalled and
 * replayed like any input, ordered with everything else), their reply waiting in
 * {@link ControlReplies} for the stage's answers.
 *
 * <p>Owned by the {@link ControlEndpoint}; its thread only. Allocates per command (the
 * dictionary's reading, the pending reply): a person's pace, never per frame.
 */
final class ControlDispatch {

    private static final int MAX_PENDING = 4096;

    private final ControlSettings settings;
    private final ControlDictionary dictionary;
    private final ControlEndpoint.CommandSink sink;
    private final Clock clock;
    private final ControlStats stats;
    private final ControlReplies replies;
    private final InputEvent envelope = new InputEvent();
    private final ConsoleCommandFlyweight command = new ConsoleCommandFlyweight();
    private final Set<ControlPeer> connected = new HashSet<>();

    ControlDispatch(ControlSettings settings, ControlDictionary dictionary, ControlEndpoint.CommandSink sink,
                    Clock clock, ControlStats stats, ControlReplies replies) {
        this.settings = settings;
        this.dictionary = dictionary;
        this.sink = sink;
        this.clock = clock;
        this.stats = stats;
        this.replies = replies;
    }

    /** One entry of {@code /workspaces}' answer, with QLab's field names. */
    private record Workspace(String uniqueID, String displayName, boolean hasPasscode, String version) {
    }

    /** One message from {@code peer}. */
    void handle(ControlMessage message, ControlPeer peer) {
        stats.commands.incrementAndGet();
        if (message.address().startsWith("/reply/") || message.address().startsWith("/update/")) {
            return; // another console's echo: never answer a reply
        }
        ControlAction action = dictionary.read(message);
        if (action instanceof Local local && local.kind() == ControlAction.LocalKind.CONNECT) {
            connect(local.argument(), message.address(), peer);
            return;
        }
        if (action instanceof Local local && local.kind() == ControlAction.LocalKind.UDP_REPLY_PORT) {
            // Before the passcode check: a console must be able to hear that it is refused.
            if (peer instanceof ControlPeer.Udp udp) {
                replies.replyPort(udp, Integer.parseInt(local.argument()));
            }
            replies.reply(peer, message.address(), "ok", local.argument());
            return;
        }
        if (action instanceof Local local && local.kind() == ControlAction.LocalKind.WORKSPACES) {
            // QLab's shape: a console lists the workspaces, then connects to one by its id.
            replies.reply(peer, message.address(), "ok", List.of(new Workspace(dictionary.workspaceId(),
                    dictionary.workspaceId(), settings.passcode().isPresent(), EngineVersion.named())));
            return;
        }
        if (action instanceof Local local && local.kind() == ControlAction.LocalKind.VERSION) {
            replies.reply(peer, message.address(), "ok", EngineVersion.named());
            return;
        }
        if (!connected(peer)) {
            stats.badPasscodes.incrementAndGet();
            replies.reply(peer, message.address(), "badpass", "connect first: /workspace/" + dictionary.workspaceId()
                    + "/connect {passcode}");
            return;
        }
        switch (action) {
            case Refused refused -> {
                stats.refused.incrementAndGet();
                replies.reply(peer, message.address(), "error", refused.message());
            }
            case Local local -> local(local, message.address(), peer);
            case ToStage toStage -> toStage(toStage, message.address(), peer);
        }
    }

    /** A connection closed: its passcode counts no more. */
    void forget(ControlPeer peer) {
        connected.remove(peer);
    }

    private void connect(String passcode, String address, ControlPeer peer) {
        if (settings.passcode().isPresent() && !settings.passcode().get().equals(passcode)) {
            stats.badPasscodes.incrementAndGet();
            replies.reply(peer, address, "badpass", "wrong passcode for workspace " + dictionary.workspaceId());
            return;
        }
        connected.add(peer);
        replies.reply(peer, address, "ok", "ok:control");
    }

    private boolean connected(ControlPeer peer) {
        return settings.passcode().isEmpty() || connected.contains(peer);
    }

    private void local(Local local, String address, ControlPeer peer) {
        switch (local.kind()) {
            case THUMP -> replies.reply(peer, address, "ok", "thump");
            case ANSWER -> replies.reply(peer, address, "ok", local.argument());
            case UPDATES -> {
                replies.subscribe(peer, local.argument().equals("1"));
                replies.reply(peer, address, "ok", Integer.parseInt(local.argument()));
            }
            default -> replies.reply(peer, address, "error", "unexpected " + local.kind());
        }
    }

    private void toStage(ToStage action, String address, ControlPeer peer) {
        if (replies.waiting() >= MAX_PENDING) {
            stats.ringFull.incrementAndGet();
            replies.reply(peer, address, "error", "the engine is not answering; try again");
            return;
        }
        ControlReplies.Pending p = replies.expect(address, peer, action);
        long now = clock.nanos();
        for (StageCommand c : action.commands()) {
            command.wrap(envelope.begin(EventKinds.CONSOLE_COMMAND, now, InputBatch.IMMEDIATELY, false))
                    .reset(peer.id(), c.code(), p.request);
            for (int i = 0; i < c.arguments().length; i++) {
                command.argument(i, c.arguments()[i]);
            }
            if (!sink.offerEvent(envelope)) {
                stats.ringFull.incrementAndGet();
                p.lost("the engine's input is full; try again"); // this one never reaches the stage
            }
        }
        replies.offered(p);
    }
}
