package org.vernissage.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.provenance.DigitalSource;
import org.vernissage.engine.provenance.EngineVersion;
import org.vernissage.engine.provenance.ModelMark;
import org.vernissage.engine.provenance.Provenance;
import org.vernissage.models.ModelException;
import org.vernissage.models.card.ModelCards;
import org.vernissage.models.declare.ModelDeclaration;
import org.vernissage.models.declare.ModelDeclarations;

/**
 * What the PNGs of a run say about themselves ({@link Provenance}): the artwork, its artist, this
 * engine's version, and how AI took part, read from the artwork folder:
 * <ul>
 *   <li>a model card in {@code models/} whose model the manifest's {@code "models"} does not declare
 *       is a model the render graph draws with (a CPPN, a neural cellular automaton): the pixels are
 *       {@code trainedAlgorithmicMedia};</li>
 *   <li>otherwise declared models (or a Wekinator endpoint's model made in the room) steer the
 *       parameters of a shader: {@code compositeWithTrainedAlgorithmicMedia};</li>
 *   <li>no model: a plain shader, no source type.</li>
 * </ul>
 * Each model is named with the SHA-256 of its card. Made once, on the thread preparing the run.
 */
final class ArtworkProvenance {

    private static final String CARD_SUFFIX = ModelCards.CARD_SUFFIX;

    private ArtworkProvenance() {
    }

    /**
     * The mark of the frames of {@code manifest}'s artwork, played with {@code options}.
     *
     * @param replayedModelResults a replay's journal holds model results (a model trained in the
     *     room steered the recorded show, though no model runs in the replay)
     */
    static Provenance of(ArtworkManifest manifest, RunOptions options, boolean replayedModelResults) {
        Path folder = manifest.folder();
        Set<String> declared = declaredModels(manifest);
        List<ModelMark> marks = new ArrayList<>();
        boolean drawsPixels = false;
        for (Path card : cards(folder.resolve("models"))) {
            String name = card.getFileName().toString();
            name = name.substring(0, name.length() - CARD_SUFFIX.length());
            marks.add(new ModelMark(name, sha256(card)));
            drawsPixels |= !declared.contains(name);
        }
        for (String name : declared) {
            if (marks.stream().noneMatch(m -> m.name().equals(name))) {
                marks.add(new ModelMark(name, "no card"));
            }
        }
        if (declared.isEmpty() && (options.models().wekinatorPort().isPresent() || replayedModelResults)) {
            marks.add(new ModelMark("trained in the room (Wekinator)", "no card"));
        }
        DigitalSource source = marks.isEmpty() ? DigitalSource.NONE
                : drawsPixels ? DigitalSource.TRAINED_ALGORITHMIC_MEDIA
                : DigitalSource.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA;
        return new Provenance(manifest.title(), manifest.artist(), EngineVersion.number(), source, marks);
    }

    private static Set<String> declaredModels(ArtworkManifest manifest) {
        if (!Files.isRegularFile(manifest.folder().resolve("artwork.json"))) {
            return Set.of(); // a lone ISF file has no manifest, hence no models
        }
        try {
            return ModelDeclarations.read(manifest.folder(), manifest.layout()).stream().map(ModelDeclaration::name)
                    .collect(Collectors.toSet());
        } catch (ModelException e) {
            return Set.of(); // the models part refuses the run with this message before a frame is written
        }
    }

    private static List<Path> cards(Path models) {
        if (!Files.isDirectory(models)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(models)) {
            return files.filter(f -> f.getFileName().toString().endsWith(CARD_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            return "unreadable";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
