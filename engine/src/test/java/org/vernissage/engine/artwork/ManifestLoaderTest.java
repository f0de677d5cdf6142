package org.vernissage.engine.artwork;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vernissage.engine.binding.AudioFeature;
import org.vernissage.engine.binding.AudioSelector;
import org.vernissage.engine.binding.BindingSpec;
import org.vernissage.engine.binding.ConditioningSpec;
import org.vernissage.engine.binding.Curve;
import org.vernissage.engine.binding.IdleSpec;
import org.vernissage.engine.binding.MidiMessageKind;
import org.vernissage.engine.binding.MidiSelector;
import org.vernissage.engine.binding.OneEuroSpec;
import org.vernissage.engine.binding.OscSelector;
import org.vernissage.engine.binding.PhoneAggregate;
import org.vernissage.engine.binding.PhoneSelector;
import org.vernissage.engine.binding.PhoneSignal;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;

class ManifestLoaderTest {

    /** A complete manifest; each error test breaks exactly one thing in it. */
    private static final String VALID = """
            {
              "title": "Tide",
              "artist": "Ada Example",
              "year": 2026,
              "description": "A sea that listens.",
              "shader": "field.frag",
              "parameters": [
                {"name": "energy", "type": "float", "min": 0, "max": 1, "default": 0.3,
                 "unit": "J", "description": "how rough the sea is"},
                {"name": "tint", "type": "color", "min": 0, "max": 1, "default": [0.9, 0.5, 0.2, 1]},
                {"name": "waves", "type": "int", "min": 1, "max": 12, "default": 4},
                {"name": "calm", "type": "bool", "default": true},
                {"name": "centre", "type": "vec2", "min": -1, "max": 1, "default": [0, 0.5]},
                {"name": "wind", "type": "vec3", "min": -2, "max": 2, "default": [1, 0, -1]}
              ],
              "osc": [
                {"address": "/vernissage/tide/energy", "parameter": "energy", "input": [0, 127]},
                {"address": "/vernissage/tide/tint/r", "parameter": "tint", "component": 0},
                {"address": "/vernissage/tide/tint/a", "parameter": "tint", "component": 3}
              ],
              "midi": [
                {"message": "cc", "number": 7, "channel": 2, "parameter": "waves"}
              ],
              "audio": [
                {"feature": "band", "band": 3, "parameter": "energy", "curve": "ease-in"}
              ],
              "phones": [
                {"signal": "orientation.beta", "aggregate": "max", "parameter": "centre", "component": 1,
                 "input": [-90, 90], "output": [-0.5, 0.5], "clamp": false, "curve": 2.5,
                 "deadZone": {"center": 0.5, "width": 0.1}, "smoothing": {"minCutoff": 1.5, "beta": 0.02},
                 "rateLimit": 0.5, "idle": {"after": 30, "value": 0.25, "ease": 4}}
              ]
            }
            """;

    private final JsonMapper mapper = new JsonMapper();

    @TempDir
    Path temp;
    private Path folder;
    private Path manifest;

    @BeforeEach
    void createArtworkFolder() throws IOException {
        folder = Files.createDirectories(temp.resolve("artworks").resolve("tide"));
        manifest = folder.resolve(ArtworkManifest.FILE_NAME);
        Files.writeString(folder.resolve("field.frag"), "void main() {}\n");
    }

    // ---- what a valid manifest gives

    @Test
    void fullManifestLoadsEveryField() throws Exception {
        Files.writeString(manifest, VALID);

        ArtworkManifest m = ManifestLoader.load(folder);

        assertAll(
                () -> assertEquals(folder, m.folder()),
                () -> assertEquals(manifest, m.file()),
                () -> assertEquals("Tide", m.title()),
                () -> assertEquals("Ada Example", m.artist()),
                () -> assertEquals(2026, m.year()),
                () -> assertEquals("A sea that listens.", m.description()),
                () -> assertEquals(folder.resolve("field.frag"), m.shader()),
                () -> assertEquals(6, m.parameters().size()),
                () -> assertEquals(new ParameterSpec("energy", ParameterType.FLOAT, 0f, 1f, new float[] {0.3f},
                        "J", "how rough the sea is"), m.parameters().get(0)),
                () -> assertEquals(new ParameterSpec("tint", ParameterType.COLOR, 0f, 1f,
                        new float[] {0.9f, 0.5f, 0.2f, 1f}, "", ""), m.parameters().get(1)),
                () -> assertEquals(new ParameterSpec("waves", ParameterType.INT, 1f, 12f, new float[] {4f},
                        "", ""), m.parameters().get(2)),
                () -> assertEquals(new ParameterSpec("calm", ParameterType.BOOL, 0f, 1f, new float[] {1f},
                        "", ""), m.parameters().get(3)),
                () -> assertArrayEquals(new float[] {0f, 0.5f}, m.parameters().get(4).defaultValue()),
                () -> assertArrayEquals(new float[] {1f, 0f, -1f}, m.parameters().get(5).defaultValue()),
                () -> assertEquals(List.of(
                        new BindingSpec(new OscSelector("/vernissage/tide/energy", 0), "energy", 0,
                                ConditioningSpec.linear(0f, 127f, 0f, 1f)),
                        new BindingSpec(new OscSelector("/vernissage/tide/tint/r", 0), "tint", 0,
                                ConditioningSpec.linear(0f, 1f, 0f, 1f)),
                        new BindingSpec(new OscSelector("/vernissage/tide/tint/a", 0), "tint", 3,
                                ConditioningSpec.linear(0f, 1f, 0f, 1f)),
                        new BindingSpec(new MidiSelector(MidiMessageKind.CC, 7, 2), "waves", 0,
                                ConditioningSpec.linear(0f, 127f, 1f, 12f)),
                        new BindingSpec(new AudioSelector(AudioFeature.BAND, 3), "energy", 0,
                                new ConditioningSpec(0f, 1f, 0f, 1f, true, Curve.EASE_IN, 1f, 0f, 0f,
                                        Optional.empty(), 0f, Optional.empty())),
                        new BindingSpec(new PhoneSelector(PhoneSignal.ORIENTATION_BETA, PhoneAggregate.MAX),
                                "centre", 1, new ConditioningSpec(-90f, 90f, -0.5f, 0.5f, false, Curve.POWER,
                                        2.5f, 0.5f, 0.1f, Optional.of(new OneEuroSpec(1.5, 0.02, 1.0)), 0.5f,
                                        Optional.of(new IdleSpec(30, 0.25f, 4))))), m.bindings()),
                () -> assertEquals(12, m.layout().slotCount()));
    }

    @Test
    void parametersAndBindingsMayBeLeftOut() throws Exception {
        write(root -> {
            root.remove("parameters");
            root.remove(List.of("osc", "midi", "audio", "phones"));
        });

        ArtworkManifest m = ManifestLoader.load(folder);

        assertTrue(m.parameters().isEmpty());
        assertTrue(m.bindings().isEmpty());
    }

    @Test
    void colorAndBoolRangesDefaultToZeroOne() throws Exception {
        write(root -> {
            param(root, 1).remove("min");
            param(root, 1).remove("max");
        });

        ParameterSpec tint = ManifestLoader.load(folder).parameters().get(1);

        assertEquals(0f, tint.min());
        assertEquals(1f, tint.max());
    }

    @Test
    void shaderInASubfolderIsResolvedAgainstTheArtworkFolder() throws Exception {
        Files.createDirectories(folder.resolve("glsl"));
        Files.writeString(folder.resolve("glsl/main.frag"), "void main() {}\n");
        write(root -> root.put("shader", "glsl/main.frag"));

        assertEquals(folder.resolve("glsl/main.frag"), ManifestLoader.load(folder).shader());
    }

    // ---- the folder and the file

    @Test
    void missingFolderIsNamed() {
        Path nope = temp.resolve("artworks").resolve("nope");

        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(nope));

        assertEquals("artwork folder not found: " + nope, e.getMessage());
        assertEquals(nope, e.file());
    }

    @Test
    void aFileIsNotAnArtworkFolder() throws IOException {
        Path notFolder = Files.writeString(temp.resolve("x"), "");

        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(notFolder));

        assertEquals(notFolder + " is not a folder", e.getMessage());
    }

    @Test
    void folderWithoutManifestSaysEveryFolderNeedsOne() {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(folder));

        assertEquals(folder + " has no artwork.json (every artwork folder needs a manifest)", e.getMessage());
        assertEquals(manifest, e.file());
    }

    @Test
    void invalidJsonNamesLineAndColumn() throws IOException {
        Files.writeString(manifest, "{\n  \"title\": \"Tide\"\n  \"artist\": \"Ada\"\n}\n");

        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(folder));

        assertTrue(e.getMessage().startsWith(manifest + ":3:3: invalid JSON: Unexpected character"),
                e.getMessage());
        assertOneLine(e);
        assertEquals("valid JSON", e.expected());
    }

    @Test
    void truncatedJsonIsASyntaxErrorOnOneLine() throws IOException {
        Files.writeString(manifest, "{\n  \"title\": \"Tide\",\n");

        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(folder));

        assertTrue(e.getMessage().startsWith(manifest + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid JSON: Unexpected end-of-input"), e.getMessage());
        assertFalse(e.getMessage().contains("Source:"), e.getMessage());
        assertOneLine(e);
    }

    @Test
    void duplicateKeyIsRefusedWithItsPosition() throws IOException {
        Files.writeString(manifest, "{\"title\": \"A\",\n \"title\": \"B\"}");

        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(folder));

        assertTrue(e.getMessage().startsWith(manifest + ":2:"), e.getMessage());
        assertTrue(e.getMessage().contains("Duplicate field 'title'"), e.getMessage());
    }

    @Test
    void emptyFileExpectsAnObject() throws IOException {
        Files.writeString(manifest, "");

        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(folder));

        assertEquals(manifest + ": expected a JSON object { \"title\": ... }, found an empty file", e.getMessage());
    }

    @Test
    void topLevelMustBeAnObject() throws IOException {
        Files.writeString(manifest, "[1, 2]");

        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(folder));

        assertEquals(manifest + ": expected a JSON object { \"title\": ... }, found [1,2]", e.getMessage());
    }

    // ---- top-level fields

    @ParameterizedTest
    @ValueSource(strings = {"title", "artist", "description"})
    void requiredTextIsMissing(String field) throws IOException {
        write(root -> root.remove(field));

        assertRejected(field, "a non-blank string", "nothing (the field is missing)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "artist", "description"})
    void requiredTextIsBlank(String field) throws IOException {
        write(root -> root.put(field, "   "));

        assertRejected(field, "a non-blank string", "\"   \"");
    }

    @Test
    void titleMustBeAString() throws IOException {
        write(root -> root.put("title", 42));

        assertRejected("title", "a non-blank string", "42");
    }

    @Test
    void yearMustBeAnInteger() throws IOException {
        write(root -> root.put("year", 2026.5));

        assertRejected("year", "an integer from 1900 to 2100", "2026.5");
    }

    @Test
    void yearMustBeReasonable() throws IOException {
        write(root -> root.put("year", 26));

        assertRejected("year", "an integer from 1900 to 2100", "26");
    }

    @Test
    void timePeriodIsOptionalAndBounded() throws IOException, ManifestException {
        write(root -> { });
        assertEquals(FrameInfo.DEFAULT_SHADER_TIME_PERIOD_SECONDS, ManifestLoader.load(folder).timePeriodSeconds());
        write(root -> root.put("timePeriod", 7.5));
        assertEquals(7.5, ManifestLoader.load(folder).timePeriodSeconds());

        write(root -> root.put("timePeriod", 86400));
        assertRejected("timePeriod", "the seconds the shaders' TIME wraps at, a number from 0.001 to 16384.0", "86400");
        write(root -> root.put("timePeriod", 0));
        assertRejected("timePeriod", "the seconds the shaders' TIME wraps at, a number from 0.001 to 16384.0", "0");
    }

    @Test
    void anEventNeedsNoRangeNorDefault() throws IOException, ManifestException {
        write(root -> ((ArrayNode) root.get("parameters")).addObject()
                .put("name", "flash").put("type", "event"));

        ParameterSpec flash = ManifestLoader.load(folder).parameters().stream()
                .filter(p -> p.name().equals("flash")).findFirst().orElseThrow();
        assertEquals(ParameterType.EVENT, flash.type());
        assertEquals(0f, flash.defaultComponent(0));
    }

    @Test
    void yearIsRequired() throws IOException {
        write(root -> root.remove("year"));

        assertRejected("year", "an integer from 1900 to 2100", "nothing");
    }

    @Test
    void shaderIsRequired() throws IOException {
        write(root -> root.remove("shader"));

        assertRejected("shader", "a non-blank string", "nothing");
    }

    @Test
    void shaderMustNotBeAbsolute() throws IOException {
        write(root -> root.put("shader", folder.resolve("field.frag").toAbsolutePath().toString()));

        assertRejected("shader", "a path relative to the artwork folder that stays inside it", "an absolute path");
    }

    @Test
    void shaderMustNotLeaveTheFolder() throws IOException {
        Files.writeString(folder.getParent().resolve("other.frag"), "void main() {}\n");
        write(root -> root.put("shader", "../other.frag"));

        assertRejected("shader", "a path relative to the artwork folder that stays inside it", "..");
    }

    @Test
    void shaderMustExist() throws IOException {
        write(root -> root.put("shader", "feild.frag"));

        assertRejected("shader", "an existing shader file in " + folder, "no file at " + folder.resolve("feild.frag"));
    }

    @Test
    void shaderMustBeAFile() throws IOException {
        Files.createDirectories(folder.resolve("shaders"));
        write(root -> root.put("shader", "shaders"));

        assertRejected("shader", "an existing shader file", "a folder at");
    }

    @Test
    void unknownTopLevelFieldIsNamedWithTheAllowedOnes() throws IOException {
        write(root -> root.put("titel", "Tide"));

        ManifestException e = assertRejectedAt("titel");
        assertTrue(e.getMessage().contains("unknown field (did you mean \"title\"?)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("allowed here: title, artist, year, description, shader, parameters, layers, resolution, class, osc, midi, audio, phones, timePeriod, images, models, disclosure, privacy"),
                e.getMessage());
    }

    @Test
    void thePrivacyBlockIsReadForTheDatasheets() throws Exception {
        write(root -> root.putObject("privacy").put("recordedBy", "Studio Mira, at the gallery")
                .put("consent", "visitors signed the form at the door"));

        ArtworkManifest loaded = ManifestLoader.load(folder);
        assertEquals(new ManifestPrivacy(java.util.Optional.of("Studio Mira, at the gallery"),
                java.util.Optional.of("visitors signed the form at the door")), ManifestPrivacy.read(loaded));
        write(root -> root.putObject("privacy").put("consent", "visitors signed the form at the door"));
        assertEquals(java.util.Optional.empty(), ManifestPrivacy.read(ManifestLoader.load(folder)).recordedBy(),
                "recordedBy left out: the models' default wording");
        write(root -> root.remove("privacy"));
        assertEquals(ManifestPrivacy.NONE, ManifestPrivacy.read(ManifestLoader.load(folder)));
    }

    @Test
    void aPrivacyBlockOfTheWrongShapeIsRefusedNamingItsField() throws IOException {
        write(root -> root.putObject("privacy").put("recordedBy", 42));
        ManifestException e = assertRejectedAt("privacy.recordedBy");
        assertTrue(e.getMessage().contains("who records the training examples in the room")
                && e.getMessage().contains("42"), e.getMessage());

        write(root -> root.putObject("privacy").put("consent", "  "));
        assertRejectedAt("privacy.consent");

        write(root -> root.putObject("privacy").put("recordBy", "Mira"));
        e = assertRejectedAt("privacy.recordBy");
        assertTrue(e.getMessage().contains("did you mean \"recordedBy\"?"), e.getMessage());

        write(root -> root.put("privacy", "Mira"));
        assertRejectedAt("privacy");
    }

    // ---- parameters

    @Test
    void parametersMustBeAnArray() throws IOException {
        write(root -> root.put("parameters", "energy"));

        assertRejected("parameters", "an array of parameter objects", "\"energy\"");
    }

    @Test
    void eachParameterMustBeAnObject() throws IOException {
        write(root -> ((ArrayNode) root.get("parameters")).add(3));

        assertRejected("parameters[6]", "a parameter object", "3");
    }

    @Test
    void unknownParameterFieldCatchesTypos() throws IOException {
        write(root -> {
            param(root, 0).remove("default");
            param(root, 0).put("defualt", 0.3);
        });

        ManifestException e = assertRejectedAt("parameters[0].defualt");
        assertTrue(e.getMessage().contains("(did you mean \"default\"?)"), e.getMessage());
        assertTrue(e.getMessage().contains("name, type, min, max, default, unit, description"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2fast", "my-energy", "", "énergie"})
    void parameterNameMustBeAGlslIdentifier(String name) throws IOException {
        write(root -> param(root, 0).put("name", name));

        assertRejected("parameters[0].name", "a GLSL identifier", "\"" + name + "\"");
    }

    @Test
    void parameterNameIsRequired() throws IOException {
        write(root -> param(root, 0).remove("name"));

        assertRejected("parameters[0].name", "a GLSL identifier", "nothing");
    }

    @Test
    void parameterNamesAreUnique() throws IOException {
        write(root -> param(root, 2).put("name", "energy"));

        assertRejected("parameters[2].name", "a name no other parameter uses", "already the name of parameters[0]");
    }

    @Test
    void glPrefixIsReservedByGlsl() throws IOException {
        write(root -> param(root, 0).put("name", "gl_energy"));

        assertRejected("parameters[0].name", "a name the shader may declare", "reserved by GLSL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TIME", "RENDERSIZE", "FRAMEINDEX"})
    void engineUniformNamesAreReserved(String name) throws IOException {
        write(root -> param(root, 0).put("name", name));

        ManifestException e = assertRejected("parameters[0].name", "a name the shader may declare", "reserved");
        assertTrue(e.getMessage().contains("the engine sets the uniform " + name), e.getMessage());
    }

    @Test
    void glslKeywordsCannotNameAParameter() throws IOException {
        write(root -> param(root, 0).put("name", "uniform"));

        assertRejected("parameters[0].name", "a name the shader may declare", "reserved GLSL keyword");
    }

    @Test
    void typeMustBeKnown() throws IOException {
        write(root -> param(root, 0).put("type", "double"));

        assertRejected("parameters[0].type", "one of " + ParameterType.manifestNames(), "\"double\"");
    }

    @Test
    void typeIsRequired() throws IOException {
        write(root -> param(root, 0).remove("type"));

        assertRejected("parameters[0].type", "one of float, int, bool, vec2, vec3, color", "nothing");
    }

    @Test
    void maxBelowMinIsRefusedWithBothValues() throws IOException {
        write(root -> param(root, 1).put("max", -1));

        ManifestException e = assertRejected("parameters[1].max", "a number >= min (0.0)", "-1");
        assertEquals(manifest + ": parameters[1].max: expected a number >= min (0.0), found -1", e.getMessage());
    }

    @Test
    void floatParameterNeedsMin() throws IOException {
        write(root -> param(root, 0).remove("min"));

        assertRejected("parameters[0].min", "a number", "nothing");
    }

    @Test
    void minMustBeANumber() throws IOException {
        write(root -> param(root, 0).put("min", "0"));

        assertRejected("parameters[0].min", "a number", "\"0\"");
    }

    @Test
    void intParameterNeedsIntegralBounds() throws IOException {
        write(root -> param(root, 2).put("max", 12.5));

        assertRejected("parameters[2].max", "an integer >= min (1)", "12.5");
    }

    @Test
    void intMaxBelowMinSaysInteger() throws IOException {
        write(root -> param(root, 2).put("max", 0));

        assertRejected("parameters[2].max", "an integer >= min (1)", "0");
    }

    @Test
    void intParameterNeedsIntegralDefault() throws IOException {
        write(root -> param(root, 2).put("default", 4.5));

        assertRejected("parameters[2].default", "an integer within [1, 12]", "4.5");
    }

    @Test
    void defaultIsRequired() throws IOException {
        write(root -> param(root, 0).remove("default"));

        assertRejected("parameters[0].default", "a number within [0.0, 1.0]", "nothing");
    }

    @Test
    void defaultMustLieWithinTheRange() throws IOException {
        write(root -> param(root, 0).put("default", 3));

        assertRejected("parameters[0].default", "a number within [0.0, 1.0]", "3");
    }

    @Test
    void scalarDefaultMustBeANumber() throws IOException {
        write(root -> param(root, 0).putArray("default").add(0.3));

        assertRejected("parameters[0].default", "a number within [0.0, 1.0]", "[0.3]");
    }

    @Test
    void colorDefaultNeedsExactlyFourNumbers() throws IOException {
        write(root -> param(root, 1).putArray("default").add(0.9).add(0.5).add(0.2));

        assertRejected("parameters[1].default", "an array of 4 numbers [r, g, b, a]", "[0.9,0.5,0.2]");
    }

    @Test
    void vec2DefaultMustBeAnArray() throws IOException {
        write(root -> param(root, 4).put("default", 0.5));

        assertRejected("parameters[4].default", "an array of 2 numbers [x, y]", "0.5");
    }

    @Test
    void eachVectorComponentMustLieWithinTheRange() throws IOException {
        write(root -> param(root, 5).putArray("default").add(1).add(0).add(5));

        assertRejected("parameters[5].default[2]", "a number within [-2.0, 2.0]", "5");
    }

    @Test
    void vectorComponentsMustBeNumbers() throws IOException {
        write(root -> param(root, 4).putArray("default").add(0).add("half"));

        assertRejected("parameters[4].default[1]", "a number within [-1.0, 1.0]", "\"half\"");
    }

    @Test
    void boolDefaultIsASwitch() throws IOException {
        write(root -> param(root, 3).put("default", 0.5));

        assertRejected("parameters[3].default", "true, false, 0 or 1", "0.5");
    }

    @Test
    void unitMustBeAString() throws IOException {
        write(root -> param(root, 0).put("unit", 5));

        assertRejected("parameters[0].unit", "a string", "5");
    }

    @Test
    void descriptionOfAParameterMustBeAString() throws IOException {
        write(root -> param(root, 0).putArray("description"));

        assertRejected("parameters[0].description", "a string", "[]");
    }

    // ---- OSC bindings

    @Test
    void oscMustBeAnArray() throws IOException {
        write(root -> root.putObject("osc"));

        assertRejected("osc", "an array of bindings", "{}");
    }

    @Test
    void addressMustStartWithSlash() throws IOException {
        write(root -> osc(root, 0).put("address", "vernissage/tide"));

        assertRejected("osc[0].address", "an OSC address like", "must start with '/'");
    }

    @Test
    void addressMustNotContainSpaces() throws IOException {
        write(root -> osc(root, 0).put("address", "/vernissage/tide energy"));

        assertRejected("osc[0].address", "an OSC address like", "must not contain spaces");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tide/*", "/tide/?", "/tide/[ab]", "/tide/[!a-c]x", "/tide/{a,b}/x", "/*/energy"})
    void patternAddressesAreAccepted(String address) throws Exception {
        write(root -> osc(root, 0).put("address", address));

        OscSelector selector = (OscSelector) ManifestLoader.load(folder).bindings().get(0).from();
        assertEquals(address, selector.address());
        assertTrue(selector.isPattern());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/tide/#|'#' may not appear",
            "/tide/a,b|',' may not appear",
            "/tide//energy|OSC 1.1's path wildcard",
            "/tide/[ab|'[' at 6 is not closed by ']'",
            "/tide/[a/b]|'[' at 6 is not closed by ']' within the same part",
            "/tide/{a,b|'{' at 6 is not closed by '}'",
            "/tide/a}|'}' at 7 closes nothing"})
    void malformedPatternsAreRejected(String address, String why) throws IOException {
        write(root -> osc(root, 0).put("address", address));

        assertRejected("osc[0].address", "an OSC address like", why);
    }

    @Test
    void addressIsRequired() throws IOException {
        write(root -> osc(root, 0).remove("address"));

        assertRejected("osc[0].address", "an OSC address like", "nothing");
    }

    @Test
    void theSameSignalMayNotDriveTheSameComponentTwice() throws IOException {
        write(root -> {
            osc(root, 2).put("address", "/vernissage/tide/tint/r");
            osc(root, 2).put("component", 0);
        });

        assertRejected("osc[2].parameter", "a signal and component no other binding uses",
                "the same signal already drives it in osc[1]");
    }

    @Test
    void oneAddressMayDriveSeveralParametersOrArguments() throws Exception {
        write(root -> {
            osc(root, 1).put("address", "/vernissage/tide/energy");
            osc(root, 2).put("address", "/vernissage/tide/energy");
            osc(root, 2).put("argument", 1);
        });

        List<BindingSpec> bindings = ManifestLoader.load(folder).bindings();
        assertEquals(new OscSelector("/vernissage/tide/energy", 0), bindings.get(1).from());
        assertEquals(new OscSelector("/vernissage/tide/energy", 1), bindings.get(2).from());
    }

    @Test
    void bindingMustNameADeclaredParameter() throws IOException {
        write(root -> osc(root, 0).put("parameter", "enrgy"));

        ManifestException e = assertRejected("osc[0].parameter",
                "the name of a declared parameter (energy, tint, waves, calm, centre, wind)", "\"enrgy\"");
        assertTrue(e.getMessage().contains("did you mean \"energy\"?"), e.getMessage());
    }

    @Test
    void componentMustExistInTheParameter() throws IOException {
        write(root -> osc(root, 1).put("component", 4));

        assertRejected("osc[1].component", "an integer from 0 to 3 (tint is a color with 4 components)", "4");
    }

    @Test
    void componentOfAScalarIsZero() throws IOException {
        write(root -> osc(root, 0).put("component", 1));

        assertRejected("osc[0].component", "an integer from 0 to 0", "1");
    }

    @Test
    void inputRangeMustNotBeEmpty() throws IOException {
        write(root -> osc(root, 0).putArray("input").add(5).add(5));

        assertRejected("osc[0].input", "[lo, hi]: two numbers with lo != hi", "[5,5]");
    }

    @Test
    void inputMustBeTwoNumbers() throws IOException {
        write(root -> osc(root, 0).putArray("input").add(0).add(64).add(127));

        assertRejected("osc[0].input", "[lo, hi]: two numbers with lo != hi", "[0,64,127]");
    }

    @Test
    void inputRangeIsNeededWhenTheParameterRangeIsEmpty() throws IOException {
        write(root -> {
            param(root, 0).put("max", 0);
            param(root, 0).put("default", 0);
            osc(root, 0).remove("input");
        });

        assertRejected("osc[0].input", "[lo, hi]: two numbers with lo != hi (energy has min == max", "nothing");
    }

    @Test
    void unknownBindingFieldIsNamed() throws IOException {
        write(root -> osc(root, 0).put("adress", "/x"));

        ManifestException e = assertRejectedAt("osc[0].adress");
        assertTrue(e.getMessage().contains("address, argument, parameter, component, input, output, clamp, curve"),
                e.getMessage());
    }

    // ---- MIDI, audio and phone bindings

    @Test
    void midiMessageMustBeKnown() throws IOException {
        write(root -> midi(root).put("message", "cc7"));

        ManifestException e = assertRejected("midi[0].message", "one of note, cc, bend, pressure", "\"cc7\"");
        assertTrue(e.getMessage().contains("did you mean \"cc\"?"), e.getMessage());
    }

    @Test
    void midiControllerNumberIsRequiredAndInRange() throws IOException {
        write(root -> midi(root).put("number", 128));

        assertRejected("midi[0].number", "an integer from 0 to 127", "128");
    }

    @Test
    void midiBendHasNoNumber() throws IOException {
        write(root -> midi(root).put("message", "bend"));

        assertRejected("midi[0].number", "no number: a bend message has none", "7");
    }

    @Test
    void midiChannelIsOneToSixteen() throws IOException {
        write(root -> midi(root).put("channel", 0));

        assertRejected("midi[0].channel", "a MIDI channel from 1 to 16", "0");
    }

    @Test
    void midiBendDefaultsToItsCentredRange() throws Exception {
        write(root -> {
            midi(root).put("message", "bend");
            midi(root).remove("number");
            midi(root).remove("channel");
        });

        BindingSpec bend = ManifestLoader.load(folder).bindings().get(3);
        assertEquals(new MidiSelector(MidiMessageKind.BEND, -1, MidiSelector.ANY_CHANNEL), bend.from());
        assertEquals(-8192f, bend.conditioning().inputMin());
        assertEquals(8191f, bend.conditioning().inputMax());
    }

    @Test
    void audioBandMustExist() throws IOException {
        write(root -> ((ObjectNode) root.get("audio").get(0)).put("band", AudioSelector.BANDS));

        assertRejected("audio[0].band", "an integer from 0 to " + (AudioSelector.BANDS - 1), "8");
    }

    @Test
    void audioLevelHasNoBand() throws IOException {
        write(root -> ((ObjectNode) root.get("audio").get(0)).put("feature", "level"));

        assertRejected("audio[0].band", "no band: only the \"band\" feature has one", "3");
    }

    @Test
    void phoneSignalMustBeKnown() throws IOException {
        write(root -> phones(root).put("signal", "orientation.bet"));

        ManifestException e = assertRejected("phones[0].signal", "one of touch.x, touch.y", "\"orientation.bet\"");
        assertTrue(e.getMessage().contains("did you mean \"orientation.beta\"?"), e.getMessage());
    }

    @Test
    void phoneAggregateMustBeKnown() throws IOException {
        write(root -> phones(root).put("aggregate", "average"));

        assertRejected("phones[0].aggregate", "one of mean, min, max, sum, latest", "\"average\"");
    }

    // ---- conditioning

    @Test
    void curveMustBeANameOrAPositiveExponent() throws IOException {
        write(root -> phones(root).put("curve", -1));

        assertRejected("phones[0].curve", "an exponent from 0.001 to 1000", "-1");
    }

    @Test
    void curveNameIsChecked() throws IOException {
        write(root -> phones(root).put("curve", "smoothstp"));

        ManifestException e = assertRejected("phones[0].curve", "one of linear, ease-in, ease-out, smoothstep",
                "\"smoothstp\"");
        assertTrue(e.getMessage().contains("did you mean \"smoothstep\"?"), e.getMessage());
    }

    @Test
    void deadZoneWidthIsBelowOne() throws IOException {
        write(root -> phones(root).putObject("deadZone").put("width", 1));

        assertRejected("phones[0].deadZone.width", "a width from 0 to 0.99", "1");
    }

    @Test
    void smoothingNeedsAMinimumCutoff() throws IOException {
        write(root -> phones(root).putObject("smoothing").put("beta", 0.1));

        assertRejected("phones[0].smoothing.minCutoff", "a cutoff frequency in Hz", "nothing");
    }

    @Test
    void smoothingFieldsAreChecked() throws IOException {
        write(root -> ((ObjectNode) phones(root).get("smoothing")).put("mincutoff", 1));

        ManifestException e = assertRejectedAt("phones[0].smoothing.mincutoff");
        assertTrue(e.getMessage().contains("did you mean \"minCutoff\"?"), e.getMessage());
    }

    @Test
    void rateLimitMustBePositive() throws IOException {
        write(root -> phones(root).put("rateLimit", 0));

        assertRejected("phones[0].rateLimit", "a number > 0", "0");
    }

    @Test
    void idleValueMustBeAValueOfTheParameter() throws IOException {
        write(root -> ((ObjectNode) phones(root).get("idle")).put("value", 3));

        assertRejected("phones[0].idle.value", "a value of centre from -1.0 to 1.0", "3");
    }

    @Test
    void idleNeedsAfter() throws IOException {
        write(root -> ((ObjectNode) phones(root).get("idle")).remove("after"));

        assertRejected("phones[0].idle.after", "seconds of silence before easing", "nothing");
    }

    @Test
    void clampIsABoolean() throws IOException {
        write(root -> phones(root).put("clamp", "no"));

        assertRejected("phones[0].clamp", "true or false", "\"no\"");
    }

    // ---- helpers

    /** Writes {@link #VALID} with {@code change} applied. */
    private void write(Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) mapper.readTree(VALID);
        change.accept(root);
        Files.writeString(manifest, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static ObjectNode param(JsonNode root, int index) {
        return (ObjectNode) root.get("parameters").get(index);
    }

    private static ObjectNode osc(JsonNode root, int index) {
        return (ObjectNode) root.get("osc").get(index);
    }

    private static ObjectNode midi(JsonNode root) {
        return (ObjectNode) root.get("midi").get(0);
    }

    private static ObjectNode phones(JsonNode root) {
        return (ObjectNode) root.get("phones").get(0);
    }

    /** Loading fails at {@code fieldPath}, saying what was expected and naming what was found. */
    private ManifestException assertRejected(String fieldPath, String expected, String found) {
        ManifestException e = assertRejectedAt(fieldPath);
        String message = e.getMessage();
        assertTrue(message.contains(": expected " + expected), message);
        assertTrue(e.expected().contains(expected), e.expected());
        assertTrue(message.contains(", found "), message);
        assertTrue(message.substring(message.indexOf(", found ")).contains(found), message);
        return e;
    }

    private ManifestException assertRejectedAt(String fieldPath) {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(folder));
        assertTrue(e.getMessage().startsWith(manifest + ": " + fieldPath + ": "), e.getMessage());
        assertEquals(manifest, e.file());
        assertEquals(fieldPath, e.fieldPath());
        assertOneLine(e);
        return e;
    }

    private static void assertOneLine(Exception e) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
