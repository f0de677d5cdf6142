package org.vernissage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vernissage.engine.render.FrameGrabber;
import org.vernissage.models.DenseNetwork;
import org.vernissage.models.djl.TorchScriptNetworkWriter;
import org.vernissage.models.learn.Activation;
import org.vernissage.models.onnx.OnnxNetworkWriter;
import org.vernissage.osc.OscWriter;

/**
 * An artist's own model file in a run, end to end: the manifest declares it with {@code "run":
 * true} between two input parameters and two output parameters; OSC moves the inputs on a real
 * UDP port, the runtime (ONNX Runtime, or DJL's PyTorch for TorchScript) runs the file on the
 * model worker, and the frames drawn carry the outputs the network gives for those inputs, mapped
 * onto the parameters' ranges. Headless GL, loopback.
 */
class ArtistModelInTheRunTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    // Snapshot slots in manifest order: hand_x, hand_y, hue, glow.
    private static final int HUE = 2;
    private static final int GLOW = 3;

    @TempDir
    Path temp;

    @Test
    void oscMovesTheInputsAndTheArtistsOnnxModelMovesTheOutputs() throws Exception {
        DenseNetwork look = DenseNetwork.random(11, Activation.TANH, Activation.SIGMOID, 2, 8, 2);
        Path artwork = artwork("onnx", "look.onnx");
        OnnxNetworkWriter.write(look, artwork.resolve("models/look.onnx"));
        playAndCheck(look, artwork);
    }

    @Test
    void theSameWithATorchScriptFile() throws Exception {
        DenseNetwork look = DenseNetwork.random(12, Activation.TANH, Activation.SIGMOID, 2, 8, 2);
        Path artwork = artwork("torchscript", "look.pt");
        TorchScriptNetworkWriter.write(look, artwork.resolve("models/look.pt"));
        playAndCheck(look, artwork);
    }

    private static void playAndCheck(DenseNetwork look, Path artwork) throws Exception {
        RunOptions options = RunOptions.defaults(artwork).withSize(new FrameSize(32, 8)).withFramesPerSecond(60)
                .withOsc("127.0.0.1", 0);
        FrameGrabber grabber = new FrameGrabber(32, 8, 4); // every slot: the inputs and the outputs
        try (BackgroundRun background = BackgroundRun.start(options, List.of(grabber));
             DatagramSocket sender = new DatagramSocket()) {
            int port = background.run().oscPort();
            for (float[] hand : new float[][] {{0.2f, 0.9f}, {0.8f, 0.1f}, {0.5f, 0.5f}}) {
                send(sender, port, "/vernissage/lens/hand_x", hand[0]);
                send(sender, port, "/vernissage/lens/hand_y", hand[1]);
                float[] out = new float[2];
                look.evaluate(hand, out, new float[8], new float[8]);
                float hue = out[0];               // hue's range is 0..1
                float glow = 2f + out[1] * 6f;    // glow's range is 2..8
                FrameGrabber.Grab grab = awaitOutputs(grabber, hue, glow, background.run());
                assertEquals(hand[0], grab.parameters()[0], 1e-6f, "the input the frame was drawn with");
                assertEquals(hand[1], grab.parameters()[1], 1e-6f);
            }
            assertTrue(background.run().report().describe().contains("look"), background.run().report().describe());
        }
    }

    private static void send(DatagramSocket sender, int port, String address, float value) throws Exception {
        ByteBuffer packet = ByteBuffer.allocate(64);
        OscWriter writer = new OscWriter().wrap(packet);
        writer.message(address).f(value).end();
        sender.send(new DatagramPacket(packet.array(), writer.length(), InetAddress.getLoopbackAddress(), port));
    }

    /** The first frame whose outputs are the network's for the inputs sent (ONNX Runtime against Java: 1e-4). */
    private static FrameGrabber.Grab awaitOutputs(FrameGrabber grabber, float hue, float glow, ArtworkRun run)
            throws Exception {
        try {
            return grabber.awaitFrameWhere(values -> Math.abs(values[HUE] - hue) <= 1e-4f
                    && Math.abs(values[GLOW] - glow) <= 6e-4f, PATIENCE);
        } catch (TimeoutException e) {
            throw new AssertionError("expected hue " + hue + " glow " + glow + ": " + e.getMessage() + "; "
                    + run.report().describe(), e);
        }
    }

    private Path artwork(String type, String file) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("lens"));
        Files.writeString(folder.resolve("artwork.json"), """
                {
                  "title": "Lens",
                  "artist": "Test",
                  "year": 2026,
                  "description": "An artist's ONNX model turns a hand's position into colour and glow.",
                  "shader": "main.frag",
                  "parameters": [
                    {"name": "hand_x", "type": "float", "min": 0, "max": 1, "default": 0.5, "shader": false},
                    {"name": "hand_y", "type": "float", "min": 0, "max": 1, "default": 0.5, "shader": false},
                    {"name": "hue", "type": "float", "min": 0, "max": 1, "default": 0},
                    {"name": "glow", "type": "float", "min": 2, "max": 8, "default": 2}
                  ],
                  "models": [
                    {"name": "look", "type": "%s", "inputs": ["hand_x", "hand_y"], "outputs": ["hue", "glow"],
                     "file": "models/%s", "run": true}
                  ]
                }
                """.formatted(type, file));
        Files.writeString(folder.resolve("main.frag"), """
                uniform float hue;
                uniform float glow;
                out vec4 fragColor;
                void main() { fragColor = vec4(hue, glow / 8.0, 0.0, 1.0); }
                """);
        return folder;
    }
}
