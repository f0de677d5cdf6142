package org.vernissage.engine.render.output;

/**
 * The GLSL of the warp/blend output: a vertex shader that places the mesh through the corner-pin's
 * homography in homogeneous coordinates (so the rasteriser's perspective-correct interpolation makes
 * the pin exact per pixel), and a fragment shader that samples the output's canvas region (or, compiled
 * with {@code TEST_CARD}, draws the test card: a program of its own, so the picture's shader carries
 * none of the card's code), then applies the edge-blend ramps, gamma-correct.
 *
 * <p>Constants only.
 */
final class WarpShaders {

    private WarpShaders() {
    }

    /** The fragment shader for the picture ({@code testCard} false) or the test card. */
    static String fragment(boolean testCard) {
        return FRAGMENT.replace("//DEFINES", testCard ? "#define TEST_CARD" : "");
    }

    static final String VERTEX = """
            #version 330 core
            layout(location = 0) in vec2 meshPosition;   // in the pinned square, 0..1, origin top left
            layout(location = 1) in vec2 contentCoord;   // the output's content, 0..1, origin top left
            uniform vec3 pinRow0;                        // rows of (to clip space) x (corner-pin homography)
            uniform vec3 pinRow1;
            uniform vec3 pinRow2;
            out vec2 content;
            void main() {
                vec3 p = vec3(meshPosition, 1.0);
                content = contentCoord;
                gl_Position = vec4(dot(pinRow0, p), dot(pinRow1, p), 0.0, dot(pinRow2, p));
            }
            """;

    /** Compiled twice: as is for the picture, and with {@code #define TEST_CARD} for the test card. */
    static final String FRAGMENT = """
            #version 330 core
            //DEFINES
            in vec2 content;
            uniform sampler2D canvas;
            uniform vec4 region;        // x, y, width, height in fractions of the canvas, origin top left
            uniform vec4 blendWidths;   // left, right, top, bottom, in fractions of the content
            uniform float gamma;
            uniform float curve;
            uniform int outputNumber;
            uniform vec2 outputSize;    // the output's pixels, for the test card's line widths
            out vec4 fragColor;

            // Linear-light weight across a blend zone, t = 0 at the outer edge: w(t) + w(1 - t) = 1.
            float ramp(float t) {
                t = clamp(t, 0.0, 1.0);
                return t < 0.5 ? 0.5 * pow(2.0 * t, curve) : 1.0 - 0.5 * pow(2.0 * (1.0 - t), curve);
            }

            float blendWeight(vec2 c) {
                // Only pixels inside a zone pay for pow (a software rasteriser's costliest call here).
                float w = 1.0;
                if (c.x < blendWidths.x) w *= ramp(c.x / blendWidths.x);
                if (1.0 - c.x < blendWidths.y) w *= ramp((1.0 - c.x) / blendWidths.y);
                if (c.y < blendWidths.z) w *= ramp(c.y / blendWidths.z);
                if (1.0 - c.y < blendWidths.w) w *= ramp((1.0 - c.y) / blendWidths.w);
                return w;
            }

            #ifdef TEST_CARD
            const int SEGMENTS[10] = int[10](0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F);

            // Whether q (0..1 in a digit's box, origin top left) lies on a lit segment of digit d.
            bool segment(vec2 q, int d) {
                if (q.x < 0.0 || q.x > 1.0 || q.y < 0.0 || q.y > 1.0) return false;
                int lit = SEGMENTS[d];
                float t = 0.09;
                vec2 s = vec2(0.15 + q.x * 0.7, q.y);   // inset so the strokes stay in the box
                bool inX = s.x > 0.15 && s.x < 0.85;
                if ((lit & 0x01) != 0 && inX && abs(q.y - 0.05) < t) return true;
                if ((lit & 0x40) != 0 && inX && abs(q.y - 0.5) < t) return true;
                if ((lit & 0x08) != 0 && inX && abs(q.y - 0.95) < t) return true;
                bool upper = q.y < 0.5;
                if ((lit & 0x20) != 0 && upper && abs(q.x - 0.1) < t) return true;
                if ((lit & 0x10) != 0 && !upper && abs(q.x - 0.1) < t) return true;
                if ((lit & 0x02) != 0 && upper && abs(q.x - 0.9) < t) return true;
                if ((lit & 0x04) != 0 && !upper && abs(q.x - 0.9) < t) return true;
                return false;
            }

            // A card to line projectors up with: a grid of eighths, two circles, coloured edge
            // markers (left red, right green, top blue, bottom magenta) and the output's number.
            vec3 card(vec2 c) {
                vec3 colour = vec3(0.15);
                vec2 cells = c * 8.0;
                vec2 off = abs(cells - round(cells)) * outputSize / 8.0;
                if (min(off.x, off.y) < 1.0) colour = vec3(1.0);
                vec2 p = (c - 0.5) * outputSize;
                float r = length(p);
                if (abs(r - 0.25 * outputSize.y) < 1.0 || abs(r - 0.45 * outputSize.y) < 1.0) colour = vec3(1.0, 1.0, 0.0);
                float height = 0.24 * outputSize.y;
                float width = 0.55 * height;
                int tens = outputNumber / 10;
                int ones = outputNumber - tens * 10;
                float digits = tens > 0 ? 2.0 : 1.0;
                vec2 origin = vec2(-0.5 * digits * width, -0.5 * height);
                vec2 q = (p - origin) / vec2(width, height);
                if (tens > 0 ? (segment(q, tens) || segment(q - vec2(1.0, 0.0), ones)) : segment(q, ones)) {
                    colour = vec3(1.0);
                }
                if (c.x < 0.04) colour = vec3(1.0, 0.0, 0.0);
                else if (c.x > 0.96) colour = vec3(0.0, 1.0, 0.0);
                else if (c.y < 0.04) colour = vec3(0.0, 0.0, 1.0);
                else if (c.y > 0.96) colour = vec3(1.0, 0.0, 1.0);
                return colour;
            }
            #endif

            void main() {
            #ifdef TEST_CARD
                vec3 colour = card(content);
            #else
                vec2 uv = vec2(region.x + content.x * region.z, 1.0 - (region.y + content.y * region.w));
                vec3 colour = texture(canvas, uv).rgb;
            #endif
                // Scaling the display-encoded value by w^(1/gamma) scales the light by w.
                float w = blendWeight(content);
                if (w < 1.0) colour *= pow(w, 1.0 / gamma);
                fragColor = vec4(colour, 1.0);
            }
            """;
}
