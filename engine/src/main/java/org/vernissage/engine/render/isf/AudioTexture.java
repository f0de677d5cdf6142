package org.vernissage.engine.render.isf;

import static org.lwjgl.opengl.GL30C.*;

import java.nio.FloatBuffer;
import org.lwjgl.system.MemoryUtil;
import org.vernissage.engine.render.TextureImage;

/**
 * An ISF {@code audio} or {@code audioFFT} input as a one-row float texture: the waveform with
 * each sample mapped from -1..1 to 0..1 (silence is 0.5, as ISF hosts deliver it), or the
 * magnitude spectrum as it is (lowest frequency on the left). Its width is the input's
 * {@code MAX} when the header gives one, else the window (or spectrum) as published. Uploaded
 * from the latched {@link AudioFrames} into a buffer allocated once: nothing allocated per frame.
 *
 * <p>Render thread only; owned by the {@link IsfArtwork}.
 */
final class AudioTexture implements TextureImage, AutoCloseable {

    private final boolean spectrum;
    private final int width;
    private final int texture;
    private final FloatBuffer texels;
    private final long texelsAddress;

    AudioTexture(boolean spectrum, int width) {
        this.spectrum = spectrum;
        this.width = width;
        this.texels = MemoryUtil.memAllocFloat(width * 4);
        this.texelsAddress = MemoryUtil.memAddress(texels);
        this.texture = glGenTextures();
        for (int x = 0; x < width; x++) {
            float silence = spectrum ? 0f : 0.5f;
            texels.put(x * 4, silence).put(x * 4 + 1, silence).put(x * 4 + 2, silence).put(x * 4 + 3, 1f);
        }
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F, width, 1, 0, GL_RGBA, GL_FLOAT, texels);
        Samplers.clampLinear();
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    /** Uploads the latched window: the newest {@code width} samples, or the spectrum resampled to {@code width}. */
    void upload(AudioFrames frames) {
        if (spectrum) {
            fill(frames.spectrum(), 0, frames.binCount(), false);
        } else {
            int count = frames.sampleCount();
            int from = Math.max(0, count - width);
            fill(frames.samples(), from, count - from, true);
        }
        glBindTexture(GL_TEXTURE_2D, texture);
        // By address: the buffer variant's checks (is a pixel buffer bound?) cost a query per call.
        nglTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, 1, GL_RGBA, GL_FLOAT, texelsAddress);
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    /** Texel x takes the mean of its share of {@code values[from, from + count)} (or the nearest one). */
    private void fill(float[] values, int from, int count, boolean wave) {
        for (int x = 0; x < width; x++) {
            float v;
            if (count <= 0) {
                v = 0f;
            } else {
                int start = from + (int) ((long) x * count / width);
                int end = Math.max(start + 1, from + (int) ((long) (x + 1) * count / width));
                float sum = 0f;
                for (int i = start; i < end; i++) {
                    sum += values[i];
                }
                v = sum / (end - start);
            }
            float texel = wave ? v * 0.5f + 0.5f : v;
            texels.put(x * 4, texel).put(x * 4 + 1, texel).put(x * 4 + 2, texel);
        }
    }

    @Override
    public int textureId() {
        return texture;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return 1;
    }

    @Override
    public void close() {
        glDeleteTextures(texture);
        MemoryUtil.memFree(texels);
    }
}
