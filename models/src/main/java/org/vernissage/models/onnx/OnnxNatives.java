package org.vernissage.models.onnx;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.vernissage.models.NativeCache;

/**
 * Unpacks ONNX Runtime's native libraries from its jar into the {@link NativeCache} once, and points
 * ONNX Runtime at them ({@code onnxruntime.native.path}), instead of letting it extract them into a
 * fresh temporary folder at every start. Must run before ONNX Runtime's first class is used; does
 * nothing when the property is already set or the jar has no libraries for this platform.
 *
 * <p>Called by {@link OnnxModel#load} on whichever thread loads the first model; synchronized, so a
 * second caller waits for the first unpack. Each library goes to a temporary file then is renamed,
 * so an interrupted unpack never leaves half a library behind.
 */
public final class OnnxNatives {

    private static final String PATH_PROPERTY = "onnxruntime.native.path";
    private static final String[] LIBRARIES = {"onnxruntime", "onnxruntime4j_jni"};

    private OnnxNatives() {
    }

    /** Prepares the native libraries (idempotent). */
    public static synchronized void prepare() {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        String platform = platform();
        String resourceFolder = "/ai/onnxruntime/native/" + platform + "/";
        if (OrtEnvironment.class.getResource(resourceFolder + System.mapLibraryName(LIBRARIES[0])) == null) {
            return; // not packaged for this platform: ONNX Runtime falls back to its own search
        }
        String version = OrtEnvironment.class.getPackage().getImplementationVersion();
        Path folder = NativeCache.folder().resolve("onnxruntime")
                .resolve((version == null ? "unknown" : version) + "-" + platform);
        try {
            Files.createDirectories(folder);
            for (String library : LIBRARIES) {
                unpack(resourceFolder + System.mapLibraryName(library), folder.resolve(System.mapLibraryName(library)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack ONNX Runtime's native libraries into " + folder, e);
        }
        System.setProperty(PATH_PROPERTY, folder.toString());
    }

    private static void unpack(String resource, Path target) throws IOException {
        if (Files.isRegularFile(target)) {
            return;
        }
        try (InputStream in = OrtEnvironment.class.getResourceAsStream(resource)) {
            if (in == null) {
                return; // optional library (e.g. the providers' shared library)
            }
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** ONNX Runtime's name for this platform's folder in its jar, e.g. {@code linux-x64}. */
    static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String osName = os.contains("mac") ? "osx" : os.contains("win") ? "win" : "linux";
        String archName = (arch.equals("amd64") || arch.equals("x86_64")) ? "x64" : arch;
        return osName + "-" + archName;
    }
}
