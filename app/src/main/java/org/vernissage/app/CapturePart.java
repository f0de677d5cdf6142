package org.vernissage.app;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vernissage.engine.provenance.Provenance;
import org.vernissage.engine.render.FrameListenerOutput;
import org.vernissage.engine.render.Output;
import org.vernissage.engine.render.PngFrameCapture;

/**
 * Every frame written as a numbered PNG into a folder ({@code --capture}). A write that fails (a
 * full disk) stops the capture and not the show: the statistics then say what stopped it (the file
 * and the cause) and how many frames were rendered without being captured.
 *
 * <p>Same threads and owner as every {@link RunPart}; its listener is called on the render thread.
 */
final class CapturePart implements RunPart {

    private final PngFrameCapture capture;
    private final Path folder;
    private final AgentHealthLine agent;

    private CapturePart(PngFrameCapture capture, Path folder) {
        this.capture = capture;
        this.folder = folder;
        this.agent = new AgentHealthLine("PNG capture to " + folder, capture::health);
    }

    /**
     * Opens the capture into {@code folder}, made if missing.
     *
     * @throws IOException saying what is wrong with {@code folder} and what {@code --capture} expects
     */
    static CapturePart open(Path folder, FrameSize size, Provenance provenance) throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException("--capture " + folder + " is a file, not a folder; give a folder (made if missing)"
                    + " for the frames' numbered PNGs (frame-000000.png, ...)");
        }
        try {
            return new CapturePart(new PngFrameCapture(folder, size.width(), size.height(), provenance), folder);
        } catch (IOException e) {
            throw new IOException("--capture " + folder + " cannot hold the frames' PNGs: " + reason(e)
                    + "; give a folder that can be made and written", e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is a file in the way";
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getFile() + ": " + fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The render loop's output that hands each frame of the run's size to the writer. */
    Output output(FrameSize size) {
        return FrameListenerOutput.ofSize("PNG capture to " + folder, capture, size.width(), size.height());
    }

    @Override
    public List<String> statistics() {
        List<String> lines = new ArrayList<>();
        lines.add(capture.framesWritten() + " frames captured");
        String failure = capture.failure();
        if (failure != null) {
            lines.add(failure + "; " + capture.framesSkipped() + " later frames rendered without being captured");
        }
        lines.addAll(agent.lines());
        return lines;
    }

    @Override
    public void close() throws IOException {
        agent.partClosed();
        capture.close();
    }
}
