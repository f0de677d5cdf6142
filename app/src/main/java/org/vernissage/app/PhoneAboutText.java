package org.vernissage.app;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.models.ModelException;
import org.vernissage.models.card.CardFiles;
import org.vernissage.models.card.ModelCard;
import org.vernissage.models.card.ModelCards;
import org.vernissage.sensors.phone.PhoneAbout;

/**
 * Writes what the phones' page says about a run ({@link PhoneAbout}): the work's title, what the
 * run keeps of the audience (said from the run's own options, so the page cannot promise more than
 * the show does: nothing unless {@code --record}; then how, and for how long), and each model's
 * name and purpose from the cards in the artwork's {@code models/} folder. A card that cannot be
 * read is left out with a warning; the page still works.
 *
 * <p>Stateless; called once on the thread starting the run.
 */
final class PhoneAboutText {

    private static final Logger LOG = System.getLogger(PhoneAboutText.class.getName());

    private PhoneAboutText() {
    }

    static PhoneAbout of(ArtworkManifest manifest, RunOptions options) {
        return new PhoneAbout(manifest.title(), kept(options), models(options.artworkFolder().resolve("models")));
    }

    /** One honest sentence or two on what the run keeps. */
    static String kept(RunOptions options) {
        if (options.journal().record().isEmpty()) {
            return PhoneAbout.NOTHING_KEPT;
        }
        PrivacyOptions privacy = options.privacy();
        String how = privacy.featuresOnly()
                ? "This show records the work's inputs so that it can be played again, only as combined values"
                        + " (such as how many phones take part and how they are held on average), never your touches."
                : "This show records the work's inputs so that it can be played again: where fingers touched and how"
                        + " phones were held, under a random number for this visit only, never your phone's address"
                        + " or name.";
        String howLong = privacy.retentionDays()
                .map(days -> " Recordings are deleted after " + days + (days == 1 ? " day." : " days."))
                .orElse(" The recording is kept until the people showing the work delete it.");
        return how + howLong;
    }

    private static List<PhoneAbout.Model> models(Path folder) {
        List<PhoneAbout.Model> models = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return models;
        }
        List<Path> cards = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + ModelCards.CARD_SUFFIX)) {
            files.forEach(cards::add);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "phones' about panel: cannot list " + folder + ": " + e.getMessage());
            return models;
        }
        cards.sort(null);
        for (Path card : cards) {
            try {
                ModelCard read = new CardFiles().read(card);
                models.add(new PhoneAbout.Model(read.name(), read.purpose()));
            } catch (ModelException e) {
                LOG.log(Level.WARNING, "phones' about panel: " + card + " left out: " + e.getMessage());
            }
        }
        return models;
    }
}
