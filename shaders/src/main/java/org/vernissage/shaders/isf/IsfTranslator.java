package org.vernissage.shaders.isf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vernissage.shaders.ShaderSource;

/**
 * Turns an ISF shader into core-profile GLSL (3.30 and later, as Mesa and every desktop driver
 * take): declares what ISF declares implicitly (the built-in uniforms, one uniform per input, a
 * sampler per image, pass buffer and imported image, {@code isf_FragNormCoord}), defines the
 * {@code IMG_*} functions, and renames legacy and version 1 names ({@code gl_FragColor},
 * {@code texture2D}, {@code texture2DRect}, {@code varying}, {@code vv_FragNormCoord}) to their
 * core-profile equivalents.
 *
 * <p>Line numbers survive: renames never add or remove a line, and the declarations go after the
 * {@code #version} line followed by a {@code #line} directive, so a driver's message still names
 * the {@code .fs} file's own line through {@link org.vernissage.shaders.ShaderDiagnostics}.
 *
 * <p>Image sizes come from {@code textureSize}, so {@code IMG_SIZE} needs no uniform of its own
 * and is right for every texture, whoever made it.
 *
 * <p>Stateless; any thread.
 */
public final class IsfTranslator {

    /** The name legacy {@code gl_FragColor} becomes. */
    public static final String FRAG_COLOR = "isf_FragColor";
    /** How the generated vertex shader is named in messages. */
    public static final String DEFAULT_VERTEX_NAME = "<isf default vertex shader>";

    private static final String CORE_VERSION = "#version 330 core";
    private static final Pattern VERSION = Pattern.compile("\\s*#\\s*version\\s+(\\d+).*");
    private static final Pattern USES_FRAG_COLOR = Pattern.compile("\\bgl_FragColor\\b");

    private static final String VERTEX_INIT = """
            void isf_vertShaderInit() {
                // One triangle covering the frame, its corners from gl_VertexID (no vertex buffer).
                vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
                isf_FragNormCoord = corner;
                gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
            }
            """;

    private static final String IMAGE_FUNCTIONS = """
            #define IMG_SIZE(image) vec2(textureSize(image, 0))
            #define IMG_NORM_PIXEL(image, coord) texture(image, coord)
            #define IMG_PIXEL(image, coord) texture(image, (coord) / vec2(textureSize(image, 0)))
            vec4 isf_texture2DRect(sampler2D image, vec2 coord) {
                return texture(image, coord / vec2(textureSize(image, 0)));
            }
            """;

    private static final String THIS_PIXEL = """
            #define IMG_THIS_PIXEL(image) texture(image, isf_FragNormCoord)
            #define IMG_THIS_NORM_PIXEL(image) texture(image, isf_FragNormCoord)
            """;

    /** The shader's two stages, ready for the driver. Immutable. */
    public record Program(ShaderSource vertex, ShaderSource fragment) {
    }

    /**
     * @param document the shader's header
     * @param fragment the {@code .fs} file as {@link org.vernissage.shaders.ShaderSourceLoader} read it
     * @param vertex the {@code .vs} file beside it, if there is one
     */
    public Program translate(IsfDocument document, ShaderSource fragment, Optional<ShaderSource> vertex) {
        String declarations = declarations(document);
        String fragmentPrelude = declarations + "in vec2 isf_FragNormCoord;\n"
                + (USES_FRAG_COLOR.matcher(fragment.text()).find() ? "out vec4 " + FRAG_COLOR + ";\n" : "")
                + IMAGE_FUNCTIONS + THIS_PIXEL;
        ShaderSource translatedFragment = new ShaderSource(
                insertPrelude(renameLegacy(fragment.text(), "in"), fragmentPrelude), fragment.origins());
        String vertexPrelude = declarations + "out vec2 isf_FragNormCoord;\n" + IMAGE_FUNCTIONS + VERTEX_INIT;
        ShaderSource translatedVertex = vertex
                .map(custom -> new ShaderSource(insertPrelude(renameLegacy(custom.text(), "out"), vertexPrelude),
                        custom.origins()))
                .orElseGet(() -> new ShaderSource(CORE_VERSION + "\n" + vertexPrelude
                        + "void main() {\n    isf_vertShaderInit();\n}\n", List.of(DEFAULT_VERTEX_NAME)));
        return new Program(translatedVertex, translatedFragment);
    }

    /** The uniforms ISF declares for a shader. */
    static String declarations(IsfDocument document) {
        StringBuilder out = new StringBuilder();
        out.append("uniform int PASSINDEX;\nuniform vec2 RENDERSIZE;\nuniform float TIME;\n")
                .append("uniform float TIMEDELTA;\nuniform vec4 DATE;\nuniform int FRAMEINDEX;\n");
        for (IsfInput input : document.inputs()) {
            out.append("uniform ").append(input.type().glslType()).append(' ').append(input.name()).append(";\n");
        }
        for (IsfImport image : document.imports()) {
            out.append("uniform sampler2D ").append(image.name()).append(";\n");
        }
        for (IsfPass pass : document.passes()) {
            pass.target().ifPresent(target -> out.append("uniform sampler2D ").append(target).append(";\n"));
        }
        return out.toString();
    }

    /**
     * Legacy and version 1 names to core-profile ones, token by token, never adding a line.
     *
     * @param varying what {@code varying} means in this stage: {@code in} or {@code out}
     */
    static String renameLegacy(String text, String varying) {
        return text
                .replaceAll("\\bgl_FragColor\\b", FRAG_COLOR)
                .replaceAll("\\btexture2DRect\\s*\\(", "isf_texture2DRect(")
                .replaceAll("\\btexture2D\\s*\\(", "texture(")
                .replaceAll("\\bsampler2DRect\\b", "sampler2D")
                .replaceAll("\\bvarying\\b", varying)
                .replaceAll("\\battribute\\b", "in")
                .replaceAll("\\bvv_FragNormCoord\\b", "isf_FragNormCoord")
                .replaceAll("\\bvv_vertShaderInit\\b", "isf_vertShaderInit");
    }

    /**
     * Puts {@code prelude} right after the {@code #version} line, and a {@code #line} after it when
     * the loader kept that line in place (the file's own numbering then continues unannounced).
     */
    static String insertPrelude(String text, String prelude) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int version = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (VERSION.matcher(lines.get(i)).matches()) {
                version = i;
                break;
            }
        }
        if (version < 0) {
            lines.add(0, CORE_VERSION);
            lines.add(1, "#line 1 0");
            version = 0;
        }
        var number = VERSION.matcher(lines.get(version));
        // in/out and texture() need GLSL 1.30+; older files are legacy GLSL that ISF hosts compile
        // as the core profile after the renames above.
        if (number.matches() && Integer.parseInt(number.group(1)) < 150) {
            lines.set(version, CORE_VERSION);
        }
        boolean announced = version + 1 < lines.size() && lines.get(version + 1).strip().startsWith("#line");
        String after = announced ? "" : "#line " + (version + 2) + " 0\n";
        lines.add(version + 1, prelude + after.stripTrailing());
        return String.join("\n", lines) + "\n";
    }
}
