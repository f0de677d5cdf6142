package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.render.RgbaImage;

/**
 * ISF without a manifest: {@code vernissage run FILE.fs} and a folder whose manifest names a
 * {@code .fs}, image inputs from {@code --image} and the manifest's {@code images}.
 */
class IsfRunTest {

    private static final Path ISF = Path.of("..", "engine", "src", "test", "resources", "isf").toAbsolutePath();

    @TempDir
    Path temp;

    private static String[] run(String artwork, Path frames, String... more) {
        String[] base = {"run", artwork, "--headless", "--size", "16x16", "--frames", "2", "--fps", "60",
                "--stepped", "--osc-host", "127.0.0.1", "--osc-port", "0", "--capture", frames.toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static int vernissage(StringWriter err, String... args) {
        return Main.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    private static RgbaImage lastFrame(Path frames) throws Exception {
        return RgbaImage.readPng(frames.resolve("frame-000001.png"));
    }

    @Test
    void aLoneIsfFilePlaysWithItsImageInputFromTheCommandLine() throws Exception {
        Path frames = temp.resolve("frames");
        StringWriter err = new StringWriter();
        int code = vernissage(err, run(ISF.resolve("filter.fs").toString(), frames,
                "--image", "inputImage=" + ISF.resolve("imported.png")));
        assertEquals(0, code, err.toString());
        // top-left red inverted (0, 1, 1) times the default gain 0.5
        RgbaImage image = lastFrame(frames);
        assertEquals(0, image.channel(2, 2, 0));
        assertEquals(128, image.channel(2, 2, 1), 1);
        assertEquals(128, image.channel(2, 2, 2), 1);

        ArtworkManifest manifest = ManifestLoader.load(ISF.resolve("filter.fs"));
        assertEquals("filter", manifest.id());
        assertEquals("gain", manifest.parameters().get(0).name());
    }

    @Test
    void aManifestNamingAnIsfFileTakesItsInputsAndMayRedeclareOne() throws Exception {
        Path folder = temp.resolve("inverse");
        Files.createDirectories(folder);
        Files.copy(ISF.resolve("filter.fs"), folder.resolve("filter.fs"));
        Files.copy(ISF.resolve("imported.png"), folder.resolve("picture.png"));
        Files.writeString(folder.resolve("artwork.json"), """
                {"title": "Inverse", "artist": "test", "year": 2026, "description": "a filter",
                 "shader": "filter.fs",
                 "parameters": [{"name": "gain", "type": "float", "min": 0, "max": 2, "default": 0.75, "unit": "x"}],
                 "images": {"inputImage": "picture.png"}}
                """);
        ArtworkManifest manifest = ManifestLoader.load(folder);
        assertEquals("inverse", manifest.id());
        assertEquals(2f, manifest.parameters().get(0).max());
        Path frames = temp.resolve("frames");
        StringWriter err = new StringWriter();
        assertEquals(0, vernissage(err, run(folder.toString(), frames)), err.toString());
        RgbaImage image = lastFrame(frames);
        assertEquals(191, image.channel(2, 2, 1), 1); // 1 * 0.75
    }

    @Test
    void aManifestParameterThatIsNoIsfInputIsRefused() throws Exception {
        Path folder = temp.resolve("typo");
        Files.createDirectories(folder);
        Files.copy(ISF.resolve("filter.fs"), folder.resolve("filter.fs"));
        Files.writeString(folder.resolve("artwork.json"), """
                {"title": "Typo", "artist": "test", "year": 2026, "description": "a filter", "shader": "filter.fs",
                 "parameters": [{"name": "gian", "type": "float", "min": 0, "max": 2, "default": 1}]}
                """);
        StringWriter err = new StringWriter();
        assertTrue(vernissage(err, run(folder.toString(), temp.resolve("frames"))) != 0);
        String line = err.toString().lines().findFirst().orElse("");
        assertTrue(line.contains(folder.resolve("artwork.json") + ": parameters[0].name: expected the NAME of one of"
                + " the value INPUTS of " + folder.resolve("filter.fs") + " [gain], found \"gian\""), line);
    }

    @Test
    void showStartPinsTheDateASteppedCaptureDraws() throws Exception {
        Path shader = Files.writeString(temp.resolve("date.fs"), """
                /*{"ISFVSN": "2.0", "DESCRIPTION": "the date as colours"}*/
                void main() {
                    gl_FragColor = isf_FragNormCoord.x < 0.5
                            ? vec4((DATE.x - 2000.0) / 255.0, DATE.y / 255.0, DATE.z / 255.0, 1.0)
                            : vec4(DATE.w / 86400.0, 0.0, 0.0, 1.0);
                }
                """);
        RgbaImage first = null;
        for (String name : new String[] {"first", "second"}) {
            Path frames = temp.resolve(name);
            StringWriter err = new StringWriter();
            assertEquals(0, vernissage(err, run(shader.toString(), frames, "--show-start", "2026-12-24T18:00")),
                    err.toString());
            RgbaImage image = lastFrame(frames);
            assertEquals(26, image.channel(2, 8, 0), "the year, 2026");
            assertEquals(12, image.channel(2, 8, 1), "the month");
            assertEquals(24, image.channel(2, 8, 2), "the day");
            assertEquals(191, image.channel(12, 8, 0), 1, "18:00 is three quarters of the day");
            if (first == null) {
                first = image;
            } else {
                assertEquals(0, first.differenceTo(image).maxChannel(), "two runs, the same frame");
            }
        }
        StringWriter err = new StringWriter();
        assertEquals(2, vernissage(err, run(shader.toString(), temp.resolve("bad"), "--show-start", "tomorrow")));
        assertTrue(err.toString().contains("--show-start") && err.toString().contains("tomorrow"), err.toString());
    }

    @Test
    void anAudioInputFeedsTheShadersWaveform() throws Exception {
        Path wav = constantHalfWav();
        Path frames = temp.resolve("frames");
        StringWriter err = new StringWriter();
        int code = vernissage(err, "run", ISF.resolve("audio.fs").toString(), "--headless", "--size", "16x16",
                "--frames", "20", "--fps", "30", "--osc-host", "127.0.0.1", "--osc-port", "0",
                "--audio-file", wav.toString(), "--capture", frames.toString());
        assertEquals(0, code, err.toString());
        RgbaImage last = RgbaImage.readPng(frames.resolve("frame-000019.png"));
        assertEquals(191, last.channel(5, 2, 0), 2);
    }

    @Test
    void anAudioInputFeedsAnIsfLayerOfAGraph() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("layered"));
        Files.copy(ISF.resolve("audio.fs"), folder.resolve("audio.fs"));
        Files.writeString(folder.resolve("artwork.json"), """
                {"title": "Heard", "artist": "Test", "year": 2026, "description": "An ISF layer reading audio.",
                 "layers": [{"name": "sound", "shader": "audio.fs"}]}
                """);
        Path frames = temp.resolve("layer-frames");
        StringWriter err = new StringWriter();
        int code = vernissage(err, "run", folder.toString(), "--headless", "--size", "16x16",
                "--frames", "20", "--fps", "30", "--osc-host", "127.0.0.1", "--osc-port", "0",
                "--audio-file", constantHalfWav().toString(), "--capture", frames.toString());
        assertEquals(0, code, err.toString());
        RgbaImage last = RgbaImage.readPng(frames.resolve("frame-000019.png"));
        assertEquals(191, last.channel(5, 2, 0), 2, "the layer's waveform, composited normal at opacity 1");
    }

    /** A constant 0.5 (16-bit): a waveform texture shows 0.5 * 0.5 + 0.5 = 0.75 everywhere. */
    private Path constantHalfWav() throws Exception {
        Path wav = temp.resolve("dc.wav");
        if (Files.exists(wav)) {
            return wav;
        }
        javax.sound.sampled.AudioFormat format = new javax.sound.sampled.AudioFormat(44_100, 16, 1, true, false);
        byte[] samples = new byte[44_100 * 2];
        for (int i = 0; i < samples.length; i += 2) {
            samples[i] = (byte) 0x00;
            samples[i + 1] = (byte) 0x40; // 16384 / 32768 = 0.5
        }
        try (var in = new javax.sound.sampled.AudioInputStream(new java.io.ByteArrayInputStream(samples), format,
                44_100)) {
            javax.sound.sampled.AudioSystem.write(in, javax.sound.sampled.AudioFileFormat.Type.WAVE, wav.toFile());
        }
        return wav;
    }
}
