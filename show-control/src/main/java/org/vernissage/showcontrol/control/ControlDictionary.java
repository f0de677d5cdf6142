package org.vernissage.showcontrol.control;

import static org.vernissage.showcontrol.cue.ControlCommands.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;
import org.vernissage.osc.OscPatternMatcher;
import org.vernissage.showcontrol.cue.Cue;
import org.vernissage.showcontrol.cue.CueCurve;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueListInForce;
import org.vernissage.showcontrol.control.ControlAction.LocalKind;
import org.vernissage.showcontrol.control.ControlAction.Refused;
import org.vernissage.showcontrol.control.ControlAction.Shape;
import org.vernissage.showcontrol.control.ControlAction.StageCommand;
import org.vernissage.showcontrol.control.ControlAction.ToStage;

/**
 * The OSC control dictionary, modelled on QLab 5's: reads one message into a
 * {@link ControlAction}. Addresses may start with {@code /workspace/{id}} (the artwork's id).
 *
 * <pre>
 * /go /stop /pause /resume /panic /reset              the whole show
 * /cue/{number}/start|stop|pause|resume|state         one cue; {number} may be an OSC pattern
 * /cue/playhead/...  /cue/selected/...                the cue at the playhead (its number, name too)
 * /cue/{number}/number|name                           what the cue is
 * /playhead/{number}  /select/{number}                move the playhead (selection is the playhead)
 * /playhead/next  /playhead/previous
 * /parameter/{name}/set {value}...                    a parameter, one value per component
 * /vernissage/{artwork id}/{name} {value}...          the same, at the parameter's own OSC address
 * /parameter/{name}/fade {seconds} {value}... [curve] fade it (linear unless a curve is named)
 * /workspace/{id}/connect [passcode]  /updates 1|0  /udpReplyPort {port}  /thump
 * /workspaces  /version                               what a console asks before it connects
 * </pre>
 *
 * <p>Confined to the control endpoint's thread (its pattern matcher is reused); what it reads is immutable.
 */
public final class ControlDictionary {

    private final String workspaceId;
    private final CueListInForce inForce;
    private CueList cues;
    private int generation;
    private final ParameterLayout layout;
    private final OscPatternMatcher matcher = new OscPatternMatcher();

    /** @param inForce the list the cue stage runs (read again at each {@link #catchUp()}) */
    public ControlDictionary(String workspaceId, CueListInForce inForce, ParameterLayout layout) {
        this.workspaceId = workspaceId;
        this.inForce = inForce;
        this.layout = layout;
        catchUp();
    }

    public String workspaceId() {
        return workspaceId;
    }

    public CueList cues() {
        return cues;
    }

    /**
     * Reads cue numbers against the list the stage runs now: called when the stage says it
     * swapped in a reloaded list (its {@code UPDATE_LIST}), so that updates posted before the swap
     * were named against the list they were about.
     */
    public void catchUp() {
        CueListInForce.Generation now = inForce.current();
        this.cues = now.cues();
        this.generation = now.number();
    }

    /** The address without its {@code /workspace/{id}} prefix, or empty when it names another workspace. */
    public Optional<String> local(String address) {
        String prefix = "/workspace/";
        if (!address.startsWith(prefix)) {
            return Optional.of(address);
        }
        int end = address.indexOf('/', prefix.length());
        String id = end < 0 ? address.substring(prefix.length()) : address.substring(prefix.length(), end);
        if (!id.equals(workspaceId) && !(OscPatternMatcher.isPattern(id) && matches(id, workspaceId))) {
            return Optional.empty();
        }
        return Optional.of(end < 0 ? "/" : address.substring(end));
    }

    /** What to do with {@code message}. */
    public ControlAction read(ControlMessage message) {
        Optional<String> local = local(message.address());
        if (local.isEmpty()) {
            return new Refused("no workspace " + message.address().split("/")[2] + " here; this is workspace "
                    + workspaceId);
        }
        String address = local.get();
        String[] parts = address.substring(1).split("/", -1);
        return switch (parts[0]) {
            case "go" -> whole(parts, GO, Shape.GO);
            case "stop" -> whole(parts, STOP_ALL, Shape.NONE);
            case "pause" -> whole(parts, PAUSE_ALL, Shape.NONE);
            case "resume" -> whole(parts, RESUME_ALL, Shape.NONE);
            case "panic" -> whole(parts, PANIC, Shape.NONE);
            case "reset" -> whole(parts, RESET, Shape.PLAYHEAD);
            case "thump" -> parts.length == 1 ? new ControlAction.Local(LocalKind.THUMP, "")
                    : unknown(address);
            case "workspaces" -> parts.length == 1 ? new ControlAction.Local(LocalKind.WORKSPACES, "")
                    : unknown(address);
            case "version" -> parts.length == 1 ? new ControlAction.Local(LocalKind.VERSION, "")
                    : unknown(address);
            case "connect" -> parts.length == 1
                    ? new ControlAction.Local(LocalKind.CONNECT, message.text(0).orElse("")) : unknown(address);
            case "updates" -> flag(message, address);
            case "udpReplyPort" -> replyPort(message, address);
            case "cue" -> cue(parts, address);
            case "playhead", "select" -> playhead(parts, address);
            case "parameter" -> parameter(parts, message, address);
            case "vernissage" -> ownAddress(parts, message, address);
            default -> unknown(address);
        };
    }

    private ControlAction whole(String[] parts, int code, Shape shape) {
        return parts.length == 1 ? one(code, shape) : unknown("/" + String.join("/", parts));
    }

    private static ToStage one(int code, Shape shape, float... args) {
        return new ToStage(List.of(new StageCommand(code, args)), shape);
    }

    private ControlAction flag(ControlMessage message, String address) {
        Optional<Double> on = message.number(0);
        if (on.isEmpty() || (on.get() != 0 && on.get() != 1)) {
            return new Refused(address + ": expected 1 (send updates) or 0 (stop), found " + found(message));
        }
        return new ControlAction.Local(LocalKind.UPDATES, on.get() == 1 ? "1" : "0");
    }

    private ControlAction replyPort(ControlMessage message, String address) {
        Optional<Double> port = message.number(0);
        if (port.isEmpty() || port.get() != Math.rint(port.get()) || port.get() < 1 || port.get() > 65535) {
            return new Refused(address + ": expected a port from 1 to 65535, found " + found(message));
        }
        return new ControlAction.Local(LocalKind.UDP_REPLY_PORT, Integer.toString(port.get().intValue()));
    }

    private ControlAction cue(String[] parts, String address) {
        if (parts.length != 3) {
            return new Refused(address + ": expected /cue/{number}/{start|stop|pause|resume|state|number|name}");
        }
        String number = parts[1];
        String action = parts[2];
        int code = switch (action) {
            case "start", "go" -> CUE_START;
            case "stop" -> CUE_STOP;
            case "pause" -> CUE_PAUSE;
            case "resume" -> CUE_RESUME;
            case "state" -> CUE_STATE;
            case "number", "name" -> 0;
            default -> -1;
        };
        if (code < 0) {
            return new Refused(address + ": unknown cue action \"" + action
                    + "\"; expected start, stop, pause, resume, state, number or name");
        }
        boolean atPlayhead = number.equals("playhead") || number.equals("selected");
        if (code == 0) {
            return atPlayhead ? one(PLAYHEAD_QUERY, action.equals("name") ? Shape.PLAYHEAD_NAME : Shape.PLAYHEAD)
                    : cueDetail(number, action, address);
        }
        if (atPlayhead) {
            return one(code, code == CUE_STATE ? Shape.CUE_STATE : Shape.CUES, -1, generation);
        }
        List<StageCommand> commands = new ArrayList<>();
        for (Cue cue : cues.cues()) {
            if (number.equals(cue.number()) || (OscPatternMatcher.isPattern(number) && matches(number, cue.number()))) {
                commands.add(new StageCommand(code, cue.index(), generation));
            }
        }
        if (commands.isEmpty()) {
            return new Refused(address + ": no cue numbered " + number + noCueHint());
        }
        if (code == CUE_STATE && commands.size() > 1) {
            return new Refused(address + ": expected one cue for state, found " + commands.size());
        }
        return new ToStage(commands, code == CUE_STATE ? Shape.CUE_STATE : Shape.CUES);
    }

    private ControlAction cueDetail(String number, String action, String address) {
        Optional<Integer> index = cues.indexOf(number);
        if (index.isEmpty()) {
            return new Refused(address + ": no cue numbered " + number + noCueHint());
        }
        Cue cue = cues.cue(index.get());
        return new ControlAction.Local(LocalKind.ANSWER, action.equals("name") ? cue.name() : cue.number());
    }

    private ControlAction playhead(String[] parts, String address) {
        if (parts.length != 2) {
            return new Refused(address + ": expected /" + parts[0] + "/{number}, /playhead/next or /playhead/previous");
        }
        if (parts[0].equals("playhead") && parts[1].equals("next")) {
            return one(PLAYHEAD_NEXT, Shape.PLAYHEAD);
        }
        if (parts[0].equals("playhead") && parts[1].equals("previous")) {
            return one(PLAYHEAD_PREVIOUS, Shape.PLAYHEAD);
        }
        Optional<Integer> index = cues.indexOf(parts[1]);
        if (index.isEmpty()) {
            return new Refused(address + ": no cue numbered " + parts[1] + noCueHint());
        }
        return one(PLAYHEAD_SET, Shape.PLAYHEAD, index.get(), generation);
    }

    private ControlAction parameter(String[] parts, ControlMessage message, String address) {
        if (parts.length != 3 || !(parts[2].equals("set") || parts[2].equals("fade"))) {
            return new Refused(address + ": expected /parameter/{name}/set {value}... or /parameter/{name}/fade"
                    + " {seconds} {value}... [curve]");
        }
        Optional<Integer> parameter = layout.indexOf(parts[1]);
        if (parameter.isEmpty()) {
            return new Refused(address + ": no parameter " + parts[1] + "; the parameters are " + String.join(", ",
                    layout.specs().stream().map(ParameterSpec::name).toList()));
        }
        ParameterSpec spec = layout.specs().get(parameter.get());
        int components = spec.type().components();
        boolean fade = parts[2].equals("fade");
        int first = fade ? 1 : 0;
        CueCurve curve = CueCurve.LINEAR;
        int count = message.arguments().size();
        if (fade && count == first + components + 1) {
            Optional<CueCurve> named = message.text(count - 1).flatMap(CueCurve::named);
            if (named.isEmpty()) {
                return new Refused(address + ": expected a curve (" + CueCurve.names() + ") last, found "
                        + found(message));
            }
            curve = named.get();
            count--;
        }
        Optional<Double> seconds = fade ? message.number(0) : Optional.of(0.0);
        Refused wrong = new Refused(address + ": expected " + (fade ? "a fade time in seconds (>= 0), then " : "")
                + components + " number" + (components > 1 ? "s" : "") + " from " + spec.min() + " to "
                + spec.max() + (fade ? " and perhaps a curve" : "") + ", found " + found(message));
        if (count != first + components || seconds.isEmpty() || !(seconds.get() >= 0)) {
            return wrong;
        }
        List<StageCommand> commands = new ArrayList<>();
        for (int c = 0; c < components; c++) {
            Optional<Double> value = message.number(first + c);
            if (value.isEmpty() || !Double.isFinite(value.get())) {
                return wrong;
            }
            int slot = layout.offset(parameter.get()) + c;
            commands.add(fade
                    ? new StageCommand(PARAMETER_FADE, slot, value.get().floatValue(), seconds.get().floatValue(),
                            curve.ordinal())
                    : new StageCommand(PARAMETER_SET, slot, value.get().floatValue()));
        }
        return new ToStage(commands, Shape.VALUES);
    }

    /**
     * A parameter's own address, as the artwork's OSC input takes it: a set, so that a tool that
     * found the parameter through OSCQuery (whose HOST_INFO names this port when there is one) can
     * send to the address it found.
     */
    private ControlAction ownAddress(String[] parts, ControlMessage message, String address) {
        if (parts.length != 3 || !parts[1].equals(workspaceId)) {
            return new Refused(address + ": expected /vernissage/" + workspaceId + "/{parameter} {value}...");
        }
        return parameter(new String[] {"parameter", parts[2], "set"}, message, address);
    }

    /** One address the dictionary takes, for discovery (OSCQuery): its path, OSC type tags and what it does. */
    public record Address(String path, String typeTags, String description) {
    }

    /**
     * Every address the dictionary takes for {@code cues} and {@code layout}, one per cue action
     * and per parameter command (OSC patterns and {@code /cue/playhead/...} left out: they are ways
     * of naming these); an address a cue's number would shadow ({@code /playhead/next} for a cue
     * numbered "next", {@code /cue/playhead/start} for one numbered "playhead") is listed once, with
     * the meaning the dictionary reads in it. Any thread: reads only its arguments.
     */
    public static List<Address> addresses(String workspaceId, CueList cues, ParameterLayout layout) {
        List<Address> out = new ArrayList<>();
        out.add(new Address("/playhead/next", "", "moves the playhead one cue on"));
        out.add(new Address("/playhead/previous", "", "moves the playhead one cue back"));
        out.add(new Address("/go", "", "runs the cue at the playhead and moves the playhead on"));
        out.add(new Address("/stop", "", "stops every cue where it is"));
        out.add(new Address("/pause", "", "pauses every running cue and pre-wait"));
        out.add(new Address("/resume", "", "resumes the paused cues"));
        out.add(new Address("/panic", "", "stops every cue and every parameter fade at once"));
        out.add(new Address("/reset", "", "stops everything; the playhead back on the first cue"));
        for (Cue cue : cues.cues()) {
            String name = cue.name().isEmpty() ? "cue " + cue.number() : "cue " + cue.number() + " (" + cue.name() + ")";
            boolean shadowed = cue.number().equals("playhead") || cue.number().equals("selected");
            for (String action : shadowed ? List.<String>of() : List.of("start", "stop", "pause", "resume")) {
                out.add(new Address("/cue/" + cue.number() + "/" + action, "", action + "s " + name));
            }
            if (cue.parent() < 0 && !cue.number().equals("next") && !cue.number().equals("previous")) {
                out.add(new Address("/playhead/" + cue.number(), "", "moves the playhead to " + name));
            }
        }
        for (ParameterSpec spec : layout.specs()) {
            String values = (spec.type() == ParameterType.INT ? "i" : "f").repeat(spec.type().components());
            out.add(new Address("/parameter/" + spec.name() + "/set", values,
                    "sets " + spec.name() + " (ends a fade on it)"));
            out.add(new Address("/parameter/" + spec.name() + "/fade", "f" + values.replace('i', 'f'),
                    "fades " + spec.name() + ": seconds, then the value(s); a curve name may follow"));
        }
        out.add(new Address("/workspace/" + workspaceId + "/connect", "s", "opens the workspace: its passcode"));
        out.add(new Address("/updates", "i", "1: send this console /update pushes; 0: stop"));
        out.add(new Address("/udpReplyPort", "i", "UDP replies to this host go to that port"));
        out.add(new Address("/thump", "", "a heartbeat"));
        out.add(new Address("/workspaces", "", "this engine's one workspace: its id, and whether it asks a passcode"));
        out.add(new Address("/version", "", "this engine's name and version"));
        return out;
    }

    private boolean matches(String pattern, String name) {
        try {
            return matcher.matches(pattern, name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String noCueHint() {
        if (cues.size() == 0) {
            return " (this show has no cues)";
        }
        List<String> numbers = cues.cues().stream().map(Cue::number).limit(20).toList();
        return " (the cues are " + String.join(", ", numbers) + (cues.size() > 20 ? ", ..." : "") + ")";
    }

    private static ControlAction unknown(String address) {
        return new Refused(address + ": unknown address; see docs/osc-api.md for the control dictionary");
    }

    private static String found(ControlMessage message) {
        return message.arguments().isEmpty() ? "no arguments" : message.arguments().toString();
    }
}
