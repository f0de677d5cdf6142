package org.vernissage.showcontrol.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vernissage.showcontrol.cue.CueFixtures.LAYOUT;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.showcontrol.control.ControlAction.Refused;
import org.vernissage.showcontrol.control.ControlAction.ToStage;
import org.vernissage.showcontrol.cue.ControlCommands;
import org.vernissage.showcontrol.cue.CueFixtures;
import org.vernissage.showcontrol.cue.CueList;
import org.vernissage.showcontrol.cue.CueListInForce;

/**
 * The dictionary's parameters at their own OSC addresses (what an OSCQuery tool sends when
 * HOST_INFO names the control port) and the addresses it lists for discovery: each one it takes,
 * typed, once.
 */
class ControlDictionaryTest {

    @TempDir
    Path folder;

    private CueList cues() throws Exception {
        return CueFixtures.cues(folder, """
                { 'cues': [ { 'number': '1', 'name': 'Dawn', 'targets': { 'energy': 0.25 } },
                            { 'number': 'next', 'group': [ { 'number': '2.1', 'targets': { 'hue': 1 } } ] },
                            { 'number': 'playhead', 'targets': { 'hue': 0 } } ] }
                """);
    }

    @Test
    void aParametersOwnAddressSetsItAsTheParameterSetCommandDoes() throws Exception {
        ControlDictionary dictionary = new ControlDictionary("tide", new CueListInForce(cues()), LAYOUT);
        ToStage own = assertInstanceOf(ToStage.class,
                dictionary.read(ControlMessage.of("/vernissage/tide/focus", 0.2f, 0.7f)));
        ToStage command = assertInstanceOf(ToStage.class,
                dictionary.read(ControlMessage.of("/parameter/focus/set", 0.2f, 0.7f)));
        assertEquals(command.commands().size(), own.commands().size());
        for (int i = 0; i < own.commands().size(); i++) {
            assertEquals(ControlCommands.PARAMETER_SET, own.commands().get(i).code());
            assertArrayEquals(command.commands().get(i).arguments(), own.commands().get(i).arguments());
        }
        Refused other = assertInstanceOf(Refused.class,
                dictionary.read(ControlMessage.of("/vernissage/another/energy", 0.5f)));
        assertTrue(other.message().contains("expected /vernissage/tide/{parameter}"), other.message());
        Refused unknown = assertInstanceOf(Refused.class,
                dictionary.read(ControlMessage.of("/vernissage/tide/brightness", 0.5f)));
        assertTrue(unknown.message().contains("no parameter brightness"), unknown.message());
    }

    @Test
    void everyListedAddressIsTakenTypedAndListedOnce() throws Exception {
        CueList cues = cues();
        List<ControlDictionary.Address> addresses = ControlDictionary.addresses("tide", cues, LAYOUT);
        Map<String, String> tags = addresses.stream()
                .collect(Collectors.toMap(ControlDictionary.Address::path, ControlDictionary.Address::typeTags));
        assertEquals(addresses.size(), new HashSet<>(addresses.stream().map(ControlDictionary.Address::path).toList())
                .size(), "each path once, though a cue is numbered 'next'");
        assertEquals("", tags.get("/go"));
        assertEquals("", tags.get("/cue/1/start"));
        assertEquals("", tags.get("/cue/2.1/pause"), "a group's cue too");
        assertTrue(tags.containsKey("/playhead/1"));
        assertTrue(!tags.containsKey("/playhead/2.1"), "a group's cue cannot hold the playhead");
        assertTrue(!tags.containsKey("/cue/playhead/start"), "that address means the cue at the playhead");
        assertEquals("ff", tags.get("/parameter/focus/set"));
        assertEquals("fff", tags.get("/parameter/focus/fade"));
        assertEquals("s", tags.get("/workspace/tide/connect"));
        ControlDictionary dictionary = new ControlDictionary("tide", new CueListInForce(cues), LAYOUT);
        for (ControlDictionary.Address address : addresses) {
            Object[] arguments = new Object[address.typeTags().length()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = switch (address.typeTags().charAt(i)) {
                    case 's' -> "secret";
                    case 'i' -> 1;
                    default -> 0.5f;
                };
            }
            ControlAction action = dictionary.read(ControlMessage.of(address.path(), arguments));
            assertTrue(!(action instanceof Refused), address.path() + " " + address.typeTags() + ": " + action);
        }
    }
}
