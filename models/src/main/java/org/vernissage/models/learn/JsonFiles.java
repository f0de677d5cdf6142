package org.vernissage.models.learn;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.vernissage.models.ModelException;

/**
 * Reads and writes the JSON files of the models module (model weights, examples, cards,
 * datasheets). A read names the file and, for bad JSON, the line and column; a write is atomic
 * (a temporary file beside the target, then a rename), so a reader, a crash or a second writer
 * never sees half a file.
 *
 * <p>Stateless apart from a thread-safe Jackson mapper; one per caller, any thread.
 */
public final class JsonFiles {

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The Jackson mapper, for building trees to {@link #write}. */
    public JsonMapper mapper() {
        return mapper;
    }

    /**
     * The file's JSON tree.
     *
     * @param what what the file should be, e.g. "a model file", for the messages
     */
    public JsonNode read(Path file, String what) throws ModelException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelException(file + ": no such file (expected " + what + ")", e);
        } catch (IOException e) {
            throw new ModelException(file + ": cannot read " + what + ": " + e, e);
        }
        try {
            JsonNode tree = mapper.readTree(bytes);
            if (tree == null || tree.isMissingNode()) {
                throw new ModelException(file + ": the file is empty (expected " + what + ")");
            }
            return tree;
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? file.toString() : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new ModelException(where + ": invalid JSON (expected " + what + "): " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelException(file + ": cannot read " + what + ": " + e, e);
        }
    }

    /** Writes {@code tree} as indented JSON to {@code file} atomically, making its folder if needed. */
    public void write(Path file, JsonNode tree) throws ModelException {
        try {
            writeAtomically(file, mapper.writeValueAsBytes(tree));
        } catch (JacksonException e) {
            throw new ModelException(file + ": cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code bytes} to {@code file} through a temporary file in the same folder and a rename. */
    public static void writeAtomically(Path file, byte[] bytes) throws ModelException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new ModelException(file + ": cannot write: " + e, e);
        }
    }

    /** Writes UTF-8 text atomically. */
    public static void writeAtomically(Path file, String text) throws ModelException {
        writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // the write already failed and says so; a stray temporary file is the lesser problem
        }
    }
}
