package org.vernissage.bench.graph;

/**
 * The GLSL of the benchmark's four passes, shared by the render graph and the hand-coded loop so
 * both draw exactly the same thing: a float feedback simulation ({@code sim}: last frame decayed
 * plus a moving spot), a horizontal and a vertical 9-tap blur of it ({@code blurX},
 * {@code blurY}), and a tone-mapped colour layer ({@code color}) that reads the blur and the
 * simulation. Immutable constants.
 */
final class FeedbackPasses {

    private FeedbackPasses() {
    }

    static final String SIM = """
            #version 330 core
            uniform sampler2D FEEDBACK;
            uniform vec2 RENDERSIZE;
            uniform float TIME;
            out vec4 fragColor;
            void main() {
                vec2 uv = gl_FragCoord.xy / RENDERSIZE;
                vec2 centre = vec2(0.5 + 0.35 * sin(TIME * 1.3), 0.5 + 0.3 * cos(TIME * 0.9));
                float spot = exp(-dot(uv - centre, uv - centre) * 400.0);
                fragColor = texture(FEEDBACK, uv) * 0.97 + vec4(spot, spot * 0.6, spot * 0.3, 1.0) * 0.5;
            }
            """;

    private static String blur(String input, String direction) {
        return """
                #version 330 core
                uniform sampler2D %s;
                uniform vec2 RENDERSIZE;
                out vec4 fragColor;
                void main() {
                    vec2 uv = gl_FragCoord.xy / RENDERSIZE;
                    vec2 step = %s / RENDERSIZE;
                    vec4 sum = texture(%s, uv) * 0.2270270270;
                    sum += (texture(%s, uv + step * 1.3846153846) + texture(%s, uv - step * 1.3846153846)) * 0.3162162162;
                    sum += (texture(%s, uv + step * 3.2307692308) + texture(%s, uv - step * 3.2307692308)) * 0.0702702703;
                    fragColor = sum;
                }
                """.formatted(input, direction, input, input, input, input, input);
    }

    static final String BLUR_X = blur("sim", "vec2(1.0, 0.0)");
    static final String BLUR_Y = blur("blurX", "vec2(0.0, 1.0)");

    static final String COLOR = """
            #version 330 core
            uniform sampler2D blurY;
            uniform sampler2D sim;
            uniform vec2 RENDERSIZE;
            out vec4 fragColor;
            void main() {
                vec2 uv = gl_FragCoord.xy / RENDERSIZE;
                vec3 glow = texture(blurY, uv).rgb * 1.5 + texture(sim, uv).rgb * 0.5;
                fragColor = vec4(1.0 - exp(-glow), 1.0);
            }
            """;
}
