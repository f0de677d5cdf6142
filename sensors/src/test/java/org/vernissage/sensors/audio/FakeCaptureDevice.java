package org.vernissage.sensors.audio;

import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Control;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/**
 * A capture device for tests (this machine has no sound card). Its line "records" a sine: it
 * returns each read at once, as a line with a full buffer does; after {@code dieAfterBytes} it
 * dies as an unplugged USB interface does (closes itself and returns short); with
 * {@code blockWhenLive} it blocks every read until closed, as a silent line waiting for samples.
 */
final class FakeCaptureDevice implements CaptureDevice {

    private final String name;
    private final List<AudioFormat> formats;
    final FakeLine line;
    LineUnavailableException openFailure;

    FakeCaptureDevice(String name, List<AudioFormat> formats, float[] signal, long dieAfterBytes, boolean blockWhenLive) {
        this.name = name;
        this.formats = formats;
        this.line = new FakeLine(signal, dieAfterBytes, blockWhenLive);
    }

    /**
     * Whether its line has died (delivered its {@code dieAfterBytes}): a catalog that models
     * unplugging stops listing it then, as the platform's list does.
     */
    boolean unplugged() {
        return line.died();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "test";
    }

    @Override
    public boolean supports(AudioFormat format) {
        return formats.stream().anyMatch(format::matches);
    }

    @Override
    public TargetDataLine line(AudioFormat format) throws LineUnavailableException {
        if (openFailure != null) {
            throw openFailure;
        }
        return line;
    }

    static final class FakeLine implements TargetDataLine {
        private final float[] signal;
        private final long dieAfterBytes;
        private final boolean blockWhenLive;
        private AudioFormat format;
        private byte[] oneCycle;
        private long delivered;
        private boolean open;
        private boolean active;
        int bufferBytes;

        FakeLine(float[] signal, long dieAfterBytes, boolean blockWhenLive) {
            this.signal = signal;
            this.dieAfterBytes = dieAfterBytes;
            this.blockWhenLive = blockWhenLive;
        }

        synchronized boolean died() {
            return dieAfterBytes >= 0 && delivered >= dieAfterBytes;
        }

        @Override
        public synchronized void open(AudioFormat format, int bufferSize) {
            this.format = format;
            float[][] channels = new float[format.getChannels()][];
            java.util.Arrays.fill(channels, signal);
            this.oneCycle = TestAudio.encode(format, channels);
            this.bufferBytes = bufferSize;
            open = true;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            if (blockWhenLive) {
                while (open) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return 0;
                    }
                }
                return 0;
            }
            int n = 0;
            while (n < len && open) {
                if (dieAfterBytes >= 0 && delivered >= dieAfterBytes) {
                    open = false; // unplugged: the driver closes the line
                    active = false;
                    break;
                }
                b[off + n] = oneCycle[(int) (delivered % oneCycle.length)];
                n++;
                delivered++;
            }
            return n;
        }

        @Override
        public synchronized void close() {
            open = false;
            active = false;
            notifyAll();
        }

        @Override
        public synchronized boolean isOpen() {
            return open;
        }

        @Override
        public synchronized void start() {
            active = true;
        }

        @Override
        public synchronized void stop() {
            active = false;
        }

        @Override
        public synchronized boolean isActive() {
            return active;
        }

        @Override
        public boolean isRunning() {
            return isActive();
        }

        @Override
        public void open(AudioFormat format) {
            open(format, 4096);
        }

        @Override
        public void open() {
            open(format, 4096);
        }

        @Override
        public void drain() {
        }

        @Override
        public void flush() {
        }

        @Override
        public AudioFormat getFormat() {
            return format;
        }

        @Override
        public int getBufferSize() {
            return bufferBytes;
        }

        @Override
        public int available() {
            return 0;
        }

        @Override
        public int getFramePosition() {
            return 0;
        }

        @Override
        public long getLongFramePosition() {
            return 0;
        }

        @Override
        public long getMicrosecondPosition() {
            return 0;
        }

        @Override
        public float getLevel() {
            return AudioSystem.NOT_SPECIFIED;
        }

        @Override
        public Line.Info getLineInfo() {
            return new DataLine.Info(TargetDataLine.class, format);
        }

        @Override
        public Control[] getControls() {
            return new Control[0];
        }

        @Override
        public boolean isControlSupported(Control.Type control) {
            return false;
        }

        @Override
        public Control getControl(Control.Type control) {
            throw new IllegalArgumentException("no controls");
        }

        @Override
        public void addLineListener(LineListener listener) {
        }

        @Override
        public void removeLineListener(LineListener listener) {
        }
    }
}
