// Handheld: rings of light around a glow. Every uniform but TIME and RENDERSIZE is set by the
// model "look" from the tilt of a hand (see artwork.json); the tilt itself is never drawn.
uniform float TIME;
uniform vec2 RENDERSIZE;
uniform float hue;
uniform float bloom;
uniform float swirl;
uniform float grain;
out vec4 fragColor;

vec3 palette(float t) {
    return 0.5 + 0.5 * cos(6.28318 * (t + vec3(0.0, 0.33, 0.67)));
}

void main() {
    vec2 uv = (gl_FragCoord.xy - 0.5 * RENDERSIZE) / RENDERSIZE.y;
    float r = length(uv);
    float a = atan(uv.y, uv.x);
    float bands = mix(3.0, 14.0, grain);
    float twist = a + swirl * 6.0 * r - 0.2 * TIME;
    float rings = 0.5 + 0.5 * sin(bands * r * 6.0 - 0.7 * TIME + 3.0 * swirl * sin(3.0 * twist));
    float glow = exp(-r * r / (0.02 + 0.25 * bloom));
    vec3 colour = palette(hue + 0.15 * r + 0.1 * rings) * (0.25 + 0.75 * rings) * (0.35 + 0.65 * glow)
            + glow * bloom * 0.5;
    fragColor = vec4(colour, 1.0);
}
