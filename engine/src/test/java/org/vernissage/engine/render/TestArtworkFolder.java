package org.vernissage.engine.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lwjgl.system.MemoryUtil;
import org.vernissage.engine.artwork.Artwork;
import org.vernissage.engine.artwork.ArtworkException;
import org.vernissage.engine.artwork.ArtworkManifest;
import org.vernissage.engine.artwork.ManifestLoader;
import org.vernissage.engine.artwork.ManifestException;

/** Writes small artwork folders (manifest + shader files) for the GL tests. Test thread only. */
final class TestArtworkFolder {

    private final Path folder;

    private TestArtworkFolder(Path folder) {
        this.folder = folder;
    }

    /** A new folder {@code name} under {@code parent}, with {@code artwork.json} naming {@code shader}. */
    static TestArtworkFolder create(Path parent, String name, String shader, String parametersJson) {
        try {
            Path folder = Files.createDirectories(parent.resolve(name));
            Files.writeString(folder.resolve(ArtworkManifest.FILE_NAME), """
                    {
                      "title": "Test piece",
                      "artist": "Test",
                      "year": 2026,
                      "description": "A piece written by a test.",
                      "shader": "%s",
                      "parameters": %s
                    }
                    """.formatted(shader, parametersJson));
            return new TestArtworkFolder(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestArtworkFolder file(String name, String text) {
        try {
            Files.writeString(folder.resolve(name), text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path folder() {
        return folder;
    }

    ArtworkManifest load() throws ManifestException {
        return ManifestLoader.load(folder);
    }

    /** Sets {@code artwork} up as the render loop would, on a canvas of {@code size} squared. Render thread. */
    static void setUpOnCanvas(Artwork artwork, int size) throws ArtworkException {
        try (Framebuffer canvas = new Framebuffer(size, size)) {
            canvas.bind();
            artwork.setup(canvas);
        }
    }

    /** Reads {@code image} back as a top-down RGBA image. Render thread, context current. */
    static RgbaImage read(Framebuffer image) {
        ByteBuffer pixels = MemoryUtil.memAlloc(image.width() * image.height() * 4);
        try {
            image.readPixels(pixels);
            return RgbaImage.fromGlRows(pixels, image.width(), image.height());
        } finally {
            MemoryUtil.memFree(pixels);
        }
    }
}
