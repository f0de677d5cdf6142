package org.vernissage.showcontrol.control;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vernissage.osc.OscWriter;
import org.vernissage.showcontrol.control.ControlAction.ToStage;
import org.vernissage.showcontrol.cue.ControlCommands;
import org.vernissage.showcontrol.cue.CueState;

/**
 * What the control port says to consoles: each command's reply on {@code /reply/{address}}, JSON
 * {@code {"workspace_id", "address", "status", "data"}} (Jackson), and {@code /update/...} pushes
 * to the consoles that subscribed. Replies go out in the order each console sent its commands: a
 * reply waits behind every earlier one still waiting for the cue stage (whose answers arrive
 * through the {@link ReplyRelay}), and one the stage has not given within 2 s is answered with an
 * error. Addressed per peer: on TCP on the same connection; on UDP to the sender's host at the
 * reply port (53001) unless that host sent {@code /udpReplyPort}.
 *
 * <p>The stage's {@code UPDATE_LIST} says a reloaded cue list is in place: the dictionary then
 * catches up with the list the stage runs ({@code CueListInForce}), so cue numbers are read
 * against it.
 *
 * <p>Owned by the {@link ControlEndpoint}; on the endpoint's thread. Allocates per reply (JSON,
 * the pending request): a person's pace, never per frame.
 */
final class ControlReplies {

    /** A command the stage has not answered by then is answered with an error (a stage disabled, say). */
    private static final long ANSWER_TIMEOUT_NANOS = 2_000_000_000L;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final ControlSettings settings;
    private final ControlDictionary dictionary;
    private final ControlStats stats;
    private final ControlLog log;
    private final ReplyRelay relay;
    private final ControlTransport transport;
    private final OscWriter writer = new OscWriter();
    private final ByteBuffer outgoing = ByteBuffer.allocate(ControlTransport.PACKET_BYTES);
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private final Map<InetAddress, Integer> replyPorts = new HashMap<>();
    private final Set<ControlPeer> subscribers = new LinkedHashSet<>();
    private long nextRequest = 1;

    ControlReplies(ControlSettings settings, ControlDictionary dictionary, ControlStats stats, ControlLog log,
                   ReplyRelay relay, ControlTransport transport) {
        this.settings = settings;
        this.dictionary = dictionary;
        this.stats = stats;
        this.log = log;
        this.relay = relay;
        this.transport = transport;
    }

    // ---- what the dispatch asks for ---------------------------------------------------------

    /** Requests waiting for their reply (the stage's answer, or their turn). */
    int waiting() {
        return pending.size();
    }

    /** A request for the stage: its reply waits for {@code action}'s commands to be answered. */
    Pending expect(String address, ControlPeer peer, ToStage action) {
        long request = nextRequest++;
        Pending p = new Pending(request, address, peer, action);
        pending.put(request, p);
        return p;
    }

    /** Every command of {@code p} was offered to the ring: its reply goes out once answered. */
    void offered(Pending p) {
        p.check();
        flush();
    }

    /**
     * Answers {@code peer} in turn: the answer waits behind every earlier command's (a refusal
     * found at once is not sent before the reply to a GO that went through the ring), so each
     * console hears its answers in the order it sent the commands.
     */
    void reply(ControlPeer peer, String address, String status, Object data) {
        Pending p = new Pending(nextRequest, address, peer, null);
        p.finish(status, data);
        pending.put(nextRequest++, p);
        flush();
    }

    /** {@code /updates 1} or {@code 0}. */
    void subscribe(ControlPeer peer, boolean on) {
        if (on) {
            subscribers.add(peer);
        } else {
            subscribers.remove(peer);
        }
    }

    /** {@code /udpReplyPort}: where a UDP host hears its replies from now on. */
    void replyPort(ControlPeer.Udp peer, int port) {
        replyPorts.put(peer.host(), port);
    }

    /** A connection closed: no more updates to it. */
    void forget(ControlPeer peer) {
        subscribers.remove(peer);
    }

    // ---- the stage's answers and updates ----------------------------------------------------

    /** Sends what the stage answered (and the answers that timed out); returns the notes taken. */
    int drain() {
        flush(); // answers that timed out
        int n = 0;
        for (ReplyRelay.Note note; (note = relay.poll()) != null; n++) {
            try {
                if (note.request == ControlCommands.UPDATE_REQUEST) {
                    update(note);
                } else {
                    Pending p = pending.get(note.request);
                    if (p != null && !p.ready) {
                        p.answered(note);
                        p.check();
                    }
                }
            } finally {
                relay.recycle(note);
            }
        }
        if (n > 0) {
            flush();
        }
        return n;
    }

    private void update(ReplyRelay.Note note) {
        if (note.command == ControlCommands.UPDATE_LIST) {
            dictionary.catchUp(); // the stage has swapped: read numbers against what it runs
        }
        if (subscribers.isEmpty()) {
            return;
        }
        String base = "/update/workspace/" + dictionary.workspaceId();
        String address;
        String value;
        if (note.command == ControlCommands.UPDATE_LIST) {
            address = base;
            value = "cue list reloaded";
        } else if (note.command == ControlCommands.UPDATE_PLAYHEAD) {
            address = base + "/cueList/main/playbackPosition";
            value = dictionary.cues().numberOf(note.intArg(0));
        } else {
            address = base + "/cue_id/" + dictionary.cues().numberOf(note.intArg(0));
            value = CueState.ofCode(note.intArg(1)).word();
        }
        for (ControlPeer peer : List.copyOf(subscribers)) {
            if (send(peer, address, value)) {
                stats.updatesSent.incrementAndGet();
            }
        }
    }

    /** A command's answer in waiting: for the stage (a wildcard sends several commands), or ready. */
    final class Pending {
        final long request;
        final String address;
        final ControlPeer peer;
        final ToStage action;
        final long createdNanos = System.nanoTime();
        int expected;
        final List<float[]> answers = new ArrayList<>();
        String failure;
        boolean ready;
        String status;
        Object data;

        Pending(long request, String address, ControlPeer peer, ToStage action) {
            this.request = request;
            this.address = address;
            this.peer = peer;
            this.action = action;
            this.expected = action == null ? 0 : action.commands().size();
        }

        /** One of its commands never reached the stage: the reply says {@code why}. */
        void lost(String why) {
            expected--;
            failure = why;
        }

        void answered(ReplyRelay.Note note) {
            float[] args = new float[note.count];
            System.arraycopy(note.args, 0, args, 0, note.count);
            answers.add(args);
        }

        void finish(String status, Object data) {
            this.status = status;
            this.data = data;
            this.ready = true;
        }

        /** Once every command was answered: the reply's status and data. */
        void check() {
            if (ready || answers.size() < expected) {
                return;
            }
            if (failure != null) { // some commands never entered the ring: say so, even if the rest ran
                stats.refused.incrementAndGet();
                finish("error", failure);
                return;
            }
            for (float[] a : answers) {
                if (Math.round(a[0]) != ControlCommands.OK) {
                    stats.refused.incrementAndGet();
                    finish("error", ControlCommands.reason(Math.round(a[1])));
                    return;
                }
            }
            finish("ok", data(action.shape(), answers));
        }
    }

    private Object data(ControlAction.Shape shape, List<float[]> answers) {
        float[] last = answers.get(answers.size() - 1);
        int playhead = Math.round(last[2]);
        return switch (shape) {
            case GO -> {
                ObjectNode go = JSON.createObjectNode();
                go.put("cue", dictionary.cues().numberOf(Math.round(last[3])));
                go.put("playhead", dictionary.cues().numberOf(playhead));
                yield go;
            }
            case PLAYHEAD -> dictionary.cues().numberOf(playhead);
            case PLAYHEAD_NAME -> playhead < 0 ? "" : dictionary.cues().cue(playhead).name();
            case CUE_STATE -> CueState.ofCode(Math.round(last[4])).word();
            case CUES -> {
                ArrayNode numbers = JSON.createArrayNode();
                answers.forEach(a -> numbers.add(dictionary.cues().numberOf(Math.round(a[3]))));
                yield numbers;
            }
            case VALUES -> {
                ArrayNode values = JSON.createArrayNode();
                answers.forEach(a -> values.add(a[4]));
                yield answers.size() == 1 ? values.get(0) : values;
            }
            case NONE -> null;
        };
    }

    // ---- sending ----------------------------------------------------------------------------

    /** Sends the answers that are ready, oldest first, stopping at the first still waiting for the stage. */
    private void flush() {
        long now = System.nanoTime();
        for (var it = pending.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (!p.ready && now - p.createdNanos > ANSWER_TIMEOUT_NANOS) {
                stats.refused.incrementAndGet();
                p.finish("error", "the engine did not answer within 2 s");
            }
            if (!p.ready) {
                return;
            }
            it.remove();
            sendReply(p.peer, p.address, p.status, p.data);
        }
    }

    private void sendReply(ControlPeer peer, String address, String status, Object data) {
        ObjectNode json = JSON.createObjectNode();
        json.put("workspace_id", dictionary.workspaceId());
        json.put("address", address);
        json.put("status", status);
        json.set("data", JSON.valueToTree(data));
        if (send(peer, "/reply" + address, json.toString())) {
            stats.repliesSent.incrementAndGet();
        } else {
            stats.repliesLost.incrementAndGet();
        }
    }

    /** Writes one message with one string argument and sends it to {@code peer}; false when it could not be sent. */
    private boolean send(ControlPeer peer, String address, String value) {
        int length;
        try {
            length = writer.wrap(outgoing).message(address).s(value).end().length();
        } catch (RuntimeException e) {
            log.once("write", "a reply could not be written (" + e.getMessage() + ")");
            return false;
        }
        return switch (peer) {
            case ControlPeer.Udp udp -> transport.send(outgoing, length, udp.host(),
                    replyPorts.getOrDefault(udp.host(), settings.replyPort()));
            case ControlTransport.Connection connection -> transport.send(outgoing, length, connection);
        };
    }
}
