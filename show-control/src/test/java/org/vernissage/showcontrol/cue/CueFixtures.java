package org.vernissage.showcontrol.cue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vernissage.engine.param.ParameterLayout;
import org.vernissage.engine.param.ParameterSpec;
import org.vernissage.engine.param.ParameterType;

/** A small show's parameters and a way to write a cue file for it. */
public final class CueFixtures {

    public static final ParameterLayout LAYOUT = new ParameterLayout(List.of(
            new ParameterSpec("energy", ParameterType.FLOAT, 0f, 1f, new float[] {0f}, "", ""),
            new ParameterSpec("hue", ParameterType.FLOAT, 0f, 1f, new float[] {0f}, "", ""),
            new ParameterSpec("focus", ParameterType.VEC2, 0f, 1f, new float[] {0.5f, 0.5f}, "", ""),
            new ParameterSpec("flash", ParameterType.EVENT, 0f, 1f, new float[] {0f}, "", "")));
    public static final int ENERGY = 0;
    public static final int HUE = 1;
    public static final int FOCUS_X = 2;
    public static final int FOCUS_Y = 3;
    public static final long SECOND = 1_000_000_000L;

    private CueFixtures() {
    }

    public static Path write(Path folder, String json) throws IOException {
        Path file = folder.resolve(CueListLoader.FILE_NAME);
        Files.writeString(file, json.replace('\'', '"'));
        return file;
    }

    public static CueList cues(Path folder, String json) throws Exception {
        return CueListLoader.load(write(folder, json), LAYOUT);
    }
}
