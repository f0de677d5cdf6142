package org.vernissage.artworks.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vernissage.engine.render.EglSurfacelessContext;
import org.vernissage.engine.render.RgbaImage;

/**
 * Lineage on real GL (headless EGL, llvmpipe) at 64x36: a mutation changes the image, and the same
 * history of triggers draws the same pixels bit for bit in a fresh piece (what a replay relies
 * on); blend morphs from parent to child; breed keeps the network shown; a new seed starts another
 * lineage and the old seed finds its own again.
 */
class LineageRenderTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 36;
    /** A mean channel difference above this is a different picture, not a rounding. */
    private static final double DIFFERENT = 6.0;

    private static EglSurfacelessContext context;

    @BeforeAll
    static void open() throws Exception {
        context = EglSurfacelessContext.open(WIDTH, HEIGHT);
    }

    @AfterAll
    static void close() {
        context.close();
    }

    private interface History {
        void play(LineageScene scene);
    }

    private static RgbaImage render(History history) throws Exception {
        try (LineageScene scene = new LineageScene(WIDTH, HEIGHT)) {
            history.play(scene);
            return scene.image();
        }
    }

    private static void save(String name, RgbaImage image) throws Exception {
        Path file = Path.of("target", "lineage", name + ".png");
        Files.createDirectories(file.getParent());
        image.writePng(file);
    }

    @Test
    void aMutationChangesTheImageAndTheSameHistoryDrawsTheSamePixels() throws Exception {
        RgbaImage child = render(s -> s.set("blend", 1f).play(10));
        History mutated = s -> s.set("blend", 1f).play(5).trigger("mutate").play(5);
        RgbaImage other = render(mutated);
        RgbaImage again = render(mutated);
        save("child", child);
        save("mutated", other);
        double moved = other.differenceTo(child).meanChannel();
        assertTrue(moved > DIFFERENT, "a mutation must change the picture: mean channel difference " + moved);
        RgbaImage.Difference replay = again.differenceTo(other);
        assertEquals(0, replay.maxChannel(), "the same history must draw the same pixels: " + replay);
    }

    @Test
    void blendMorphsFromParentToChild() throws Exception {
        RgbaImage parent = render(s -> s.set("blend", 0f).play(10));
        RgbaImage half = render(s -> s.set("blend", 0.5f).play(10));
        RgbaImage child = render(s -> s.set("blend", 1f).play(10));
        save("parent", parent);
        save("half", half);
        double apart = parent.differenceTo(child).meanChannel();
        assertTrue(apart > DIFFERENT, "parent and child must differ: " + apart);
        double fromParent = half.differenceTo(parent).meanChannel();
        double fromChild = half.differenceTo(child).meanChannel();
        assertTrue(fromParent > 1 && fromChild > 1 && fromParent < apart && fromChild < apart,
                "halfway lies between: " + fromParent + " from the parent, " + fromChild + " from the child, "
                        + apart + " apart");
    }

    @Test
    void breedKeepsTheNetworkShownAsTheNextParent() throws Exception {
        RgbaImage shown = render(s -> s.play(3).trigger("mutate").set("blend", 0.6f).play(7));
        RgbaImage bred = render(s -> s.play(3).trigger("mutate").set("blend", 0.6f).play(3)
                .trigger("breed").set("blend", 0f).play(4));
        RgbaImage.Difference same = bred.differenceTo(shown);
        assertEquals(0, same.maxChannel(), "after breed, blend 0 shows what blend 0.6 showed: " + same);
        RgbaImage firstChild = render(s -> s.play(3).trigger("mutate").set("blend", 0.6f).play(3)
                .trigger("breed").set("blend", 1f).play(4));
        assertTrue(firstChild.differenceTo(shown).meanChannel() > DIFFERENT / 2,
                "the new generation's child differs from its parent");
    }

    @Test
    void aNewSeedStartsAnotherLineageAndTheOldSeedComesBack() throws Exception {
        RgbaImage seven = render(s -> s.play(10));
        RgbaImage eight = render(s -> s.set("seed", 8f).play(10));
        RgbaImage back = render(s -> s.trigger("mutate").trigger("breed").play(2).set("seed", 8f).play(4)
                .set("seed", 7f).play(4));
        save("seed8", eight);
        assertTrue(eight.differenceTo(seven).meanChannel() > DIFFERENT, "another seed, another network");
        assertEquals(0, back.differenceTo(seven).maxChannel(), "seed 7 again starts from its first network");
    }
}
