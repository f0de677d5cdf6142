package org.vernissage.models.wekinator;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;
import org.vernissage.models.run.ModelResultListener;
import org.vernissage.osc.OscWriter;

/**
 * Sends the Wekinator model's outputs as {@code /wek/outputs f...} to {@code --wekinator-out
 * HOST:PORT}, so a patch that listened to Wekinator keeps working, and a training's progress as
 * {@code /vernissage/<id>/model/<name>/progress f} (percent) to the same place.
 *
 * <p>{@link #onResult} runs on the model worker's thread, {@link #progress} on the trainer's: each
 * has its own buffer and writer; the channel is non-blocking and may be used by both (datagram
 * sends are atomic). Allocates nothing per result. A send that fails is counted and logged once.
 * Owned by the run's models part, which closes it after the worker and trainer stopped.
 */
public final class WekinatorOutputs implements ModelResultListener, AutoCloseable {

    private static final Logger LOG = System.getLogger(WekinatorOutputs.class.getName());

    private final DatagramChannel channel;
    private final InetSocketAddress destination;
    private final int target;
    private final ByteBuffer resultBuffer = ByteBuffer.allocateDirect(1024);
    private final OscWriter resultWriter = new OscWriter();
    private final ByteBuffer progressBuffer = ByteBuffer.allocateDirect(512);
    private final OscWriter progressWriter = new OscWriter();
    private final String progressPrefix;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean failureSaid;

    /** @param target the index of the model whose outputs go out */
    public WekinatorOutputs(InetSocketAddress destination, int target, String artworkId) throws IOException {
        this.destination = destination;
        this.target = target;
        this.channel = DatagramChannel.open();
        this.channel.configureBlocking(false);
        this.progressPrefix = "/vernissage/" + artworkId + "/model/";
    }

    @Override
    public void onResult(int model, float[] outputs, int count) {
        if (model != target) {
            return;
        }
        resultWriter.wrap(resultBuffer.clear()).message("/wek/outputs");
        for (int i = 0; i < count; i++) {
            resultWriter.f(outputs[i]);
        }
        resultWriter.end();
        send(resultBuffer, resultWriter.length());
    }

    /** Trainer thread: a training's progress, in percent. Allocates (the address): once per report. */
    public void progress(String model, float percent) {
        progressWriter.wrap(progressBuffer.clear()).message(progressPrefix + model + "/progress").f(percent).end();
        send(progressBuffer, progressWriter.length());
    }

    private void send(ByteBuffer buffer, int length) {
        buffer.position(0).limit(length);
        try {
            channel.send(buffer, destination);
            sent.lazySet(sent.get() + 1);
        } catch (IOException e) {
            failed.lazySet(failed.get() + 1);
            if (!failureSaid) {
                failureSaid = true;
                LOG.log(Level.WARNING, "wekinator: sending to " + destination + " failed: " + e
                        + " (further failures are counted, not logged)");
            }
        }
    }

    /** Packets sent. Any thread. */
    public long sent() {
        return sent.get();
    }

    /** Sends that failed. Any thread. */
    public long failed() {
        return failed.get();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
