package org.vernissage.app;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.FrameInfo;
import org.vernissage.engine.artwork.ReloadableArtwork;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.pipeline.ParameterSnapshot;
import org.vernissage.engine.render.FragmentShaderArtwork;
import org.vernissage.engine.render.Framebuffer;
import org.vernissage.engine.render.RenderTarget;
import org.vernissage.engine.render.graph.GraphArtworks;
import org.vernissage.engine.render.isf.AudioFrames;
import org.vernissage.engine.render.isf.IsfArtwork;
import org.vernissage.engine.render.isf.ListensToAudio;
import org.vernissage.sensors.audio.AudioFramesFeed;

/**
 * The artwork, set up (its shader compiled and checked against the manifest) while the run is
 * prepared, before any sensor listens and before the start banner: an artwork that cannot play
 * fails the start with its error, not after a "playing" line.
 *
 * <p>The render loop gets {@link #artwork()}, whose {@code setup} and {@code dispose} do nothing:
 * this part did the one and does the other when the run closes, so the artwork is disposed
 * exactly once even when the loop never ran.
 *
 * <p>Render thread only (GL): set up, drawn and disposed there. Owned by the run's {@link RunParts}.
 */
final class ArtworkPart implements RunPart {

    private final Artwork artwork;
    private final Artwork prepared;
    private final Optional<AudioFrames> audioFrames;

    private ArtworkPart(Artwork artwork, Optional<AudioFrames> audioFrames) {
        this.artwork = artwork;
        this.prepared = new Prepared(artwork);
        this.audioFrames = audioFrames;
    }

    /** Where the audio input feeds the artwork's ISF audio inputs, when it has any. */
    Optional<AudioFrames> audioFrames() {
        return audioFrames;
    }

    /**
     * Sets up the artwork of {@code manifest} for frames of {@code size}, with the GL context
     * current; an ISF shader (.fs) plays as an {@link IsfArtwork}, its image inputs fed from the
     * manifest's images and {@code images} (which win).
     *
     * @param dateOrigin the date and time of show time 0, for ISF's {@code DATE} (see {@link ShowStart})
     * @throws ArtworkException naming the file and what was expected; nothing is left set up
     */
    static ArtworkPart setUp(ArtworkManifest manifest, ParameterLayout layout, FrameSize size,
                             Map<String, Path> images, LocalDateTime dateOrigin) throws ArtworkException {
        Artwork artwork = make(manifest, layout, images, dateOrigin);
        // The render loop makes the canvas the artwork draws into; set-up only needs a target of
        // the same size bound, so a short-lived one stands in for it.
        try (Framebuffer stand = new Framebuffer(size.width(), size.height())) {
            stand.bind();
            artwork.setup(stand);
        } catch (ArtworkException | RuntimeException e) {
            artwork.dispose(); // the contract: dispose follows even a failed setup
            throw e;
        }
        // A lone ISF file or a graph with ISF layers that read audio: the audio input feeds them.
        Optional<AudioFrames> audio = Optional.empty();
        if (artwork instanceof ListensToAudio listener && listener.hasAudioInputs()) {
            audio = Optional.of(AudioFramesFeed.newFrames());
            listener.listenTo(audio.get());
        }
        return new ArtworkPart(artwork, audio);
    }

    /**
     * The artwork of {@code manifest}, not yet set up: an ISF shader (.fs) as an {@link IsfArtwork},
     * its image inputs fed from the manifest's images and {@code images} (which win); layers or a
     * Java piece when the manifest declares them; else its one shader. Also how the hot reload's
     * cache warmer makes a fresh instance from the edited files. Any thread (no GL until set up).
     */
    static Artwork make(ArtworkManifest manifest, ParameterLayout layout, Map<String, Path> images,
                        LocalDateTime dateOrigin) throws ArtworkException {
        if (manifest.isIsf()) {
            Map<String, Path> files = new HashMap<>(manifest.images());
            files.putAll(images);
            return new IsfArtwork(manifest.folder(), manifest.shader(), layout, files, dateOrigin);
        }
        if (!images.isEmpty()) {
            throw new ArtworkException("--image feeds the image inputs of an ISF shader (.fs); " + manifest.file()
                    + " does not name one");
        }
        return GraphArtworks.forManifest(manifest, layout, dateOrigin)
                .orElseGet(() -> new FragmentShaderArtwork(manifest, layout));
    }

    /** The artwork itself when it can reload from its files while it plays (the hot reload watches it). */
    Optional<ReloadableArtwork> reloadable() {
        return artwork instanceof ReloadableArtwork reloadable ? Optional.of(reloadable) : Optional.empty();
    }

    /** The artwork for the render loop: already set up, disposed by this part. */
    Artwork artwork() {
        return prepared;
    }

    @Override
    public void close() {
        artwork.dispose();
    }

    /** The set-up artwork as the render loop sees it: its lifecycle ends stay with the part. */
    private record Prepared(Artwork artwork) implements Artwork {

        @Override
        public void setup(RenderTarget target) {
            // done when the run was prepared
        }

        @Override
        public void update(FrameInfo frame, ParameterSnapshot parameters) {
            artwork.update(frame, parameters);
        }

        @Override
        public void render(FrameInfo frame, RenderTarget target) {
            artwork.render(frame, target);
        }

        @Override
        public void resized(RenderTarget target) {
            artwork.resized(target);
        }

        @Override
        public void dispose() {
            // done when the run closes
        }
    }
}
