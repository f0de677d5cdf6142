package org.vernissage.engine.render;

import static org.lwjgl.opengl.GL20C.*;
import static org.lwjgl.opengl.GL31C.GL_ACTIVE_UNIFORM_BLOCKS;
import static org.lwjgl.opengl.GL31C.GL_UNIFORM_BLOCK_DATA_SIZE;
import static org.lwjgl.opengl.GL31C.GL_UNIFORM_BLOCK_INDEX;
import static org.lwjgl.opengl.GL31C.glGetActiveUniformBlockName;
import static org.lwjgl.opengl.GL31C.glGetActiveUniformBlocki;
import static org.lwjgl.opengl.GL31C.glGetActiveUniformsi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.lwjgl.system.MemoryStack;

/**
 * A linked GL program of one vertex and one fragment shader, with compile and link errors turned
 * into messages that name the artist's file and line.
 *
 * <p>Render thread only; owned by the artwork that built it.
 */
public final class ShaderProgram implements AutoCloseable {

    /** {@code path:line:} or {@code path:line:column:} at the start of a mapped log line. */
    private static final Pattern MAPPED_LOCATION = Pattern.compile(".+?:\\d+(:\\d+)?: ");
    /** A log line that reports an error (Mesa, NVIDIA, glslang), not a warning or a note. */
    private static final Pattern ERROR_LINE = Pattern.compile("(^|[:\\s])(error|ERROR)\\b\\s*[:C]");

    private final int program;

    private ShaderProgram(int program) {
        this.program = program;
    }

    /**
     * Compiles and links.
     *
     * @param fragmentName the artist's file, for messages when the log cannot be mapped
     * @param fragmentLog maps the driver's fragment log onto the artist's files and lines
     */
    public static ShaderProgram build(String vertexSource, String fragmentSource, String fragmentName,
                                      UnaryOperator<String> fragmentLog) throws ShaderBuildException {
        return build(vertexSource, "the engine's fullscreen vertex shader", UnaryOperator.identity(),
                fragmentSource, fragmentName, fragmentLog);
    }

    /**
     * Compiles and links an artist's vertex shader too (ISF's {@code .vs}).
     *
     * @param vertexName the vertex shader's file, for messages when its log cannot be mapped
     * @param vertexLog maps the driver's vertex log onto the artist's files and lines
     */
    public static ShaderProgram build(String vertexSource, String vertexName, UnaryOperator<String> vertexLog,
                                      String fragmentSource, String fragmentName,
                                      UnaryOperator<String> fragmentLog) throws ShaderBuildException {
        int vertex = compile(GL_VERTEX_SHADER, vertexSource, vertexName, vertexLog);
        int fragment;
        try {
            fragment = compile(GL_FRAGMENT_SHADER, fragmentSource, fragmentName, fragmentLog);
        } catch (ShaderBuildException failed) {
            glDeleteShader(vertex);
            throw failed;
        }
        int program = glCreateProgram();
        glAttachShader(program, vertex);
        glAttachShader(program, fragment);
        glLinkProgram(program);
        // Shaders are no longer needed once linked (or once linking failed).
        glDeleteShader(vertex);
        glDeleteShader(fragment);
        if (glGetProgrami(program, GL_LINK_STATUS) == GL_FALSE) {
            String log = fragmentLog.apply(glGetProgramInfoLog(program).strip());
            glDeleteProgram(program);
            throw new ShaderBuildException(fragmentName + ": link failed: " + firstLine(log), log);
        }
        return new ShaderProgram(program);
    }

    private static int compile(int stage, String source, String name, UnaryOperator<String> logMapper)
            throws ShaderBuildException {
        int shader = glCreateShader(stage);
        glShaderSource(shader, source);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) == GL_FALSE) {
            String log = logMapper.apply(glGetShaderInfoLog(shader).strip());
            glDeleteShader(shader);
            String first = firstLine(log);
            // A mapped line already starts with its file and line; only an unmapped one needs a name.
            String message = MAPPED_LOCATION.matcher(first).lookingAt() ? first : name + ": " + first;
            throw new ShaderBuildException(message + moreErrors(log), log);
        }
        return shader;
    }

    private static String firstLine(String log) {
        for (String line : log.split("\\R")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "the driver gave no reason";
    }

    private static String moreErrors(String log) {
        long errors = log.lines().filter(line -> ERROR_LINE.matcher(line).find()).count();
        long more = errors - 1;
        return more <= 0 ? "" : " (and " + more + " more error" + (more == 1 ? ")" : "s)");
    }

    /** The GL name of the program. */
    public int id() {
        return program;
    }

    public void use() {
        glUseProgram(program);
    }

    /**
     * Every uniform the linked program uses, as the driver reports them, except the members of
     * uniform blocks: those are set through a buffer, never with {@code glUniform*} (see
     * {@link #activeUniformBlocks}).
     */
    public List<ActiveUniform> activeUniforms() {
        int count = glGetProgrami(program, GL_ACTIVE_UNIFORMS);
        List<ActiveUniform> uniforms = new ArrayList<>(count);
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var size = stack.mallocInt(1);
            var type = stack.mallocInt(1);
            for (int i = 0; i < count; i++) {
                if (glGetActiveUniformsi(program, i, GL_UNIFORM_BLOCK_INDEX) != -1) {
                    continue;
                }
                String name = glGetActiveUniform(program, i, size, type);
                uniforms.add(new ActiveUniform(name, type.get(0), size.get(0),
                        glGetUniformLocation(program, name)));
            }
        }
        return uniforms;
    }

    /** Every uniform block the linked program uses: its name, index and size in bytes. */
    public List<ActiveUniformBlock> activeUniformBlocks() {
        int count = glGetProgrami(program, GL_ACTIVE_UNIFORM_BLOCKS);
        List<ActiveUniformBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(new ActiveUniformBlock(glGetActiveUniformBlockName(program, i), i,
                    glGetActiveUniformBlocki(program, i, GL_UNIFORM_BLOCK_DATA_SIZE)));
        }
        return blocks;
    }

    @Override
    public void close() {
        glDeleteProgram(program);
    }
}
