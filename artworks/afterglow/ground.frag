// Afterglow, layer "ground": a dark dusk gradient with a slow swell, under the glow.
uniform vec2 RENDERSIZE;
uniform float TIME;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / RENDERSIZE;
    float swell = 0.5 + 0.5 * sin(uv.x * 3.0 + TIME * 0.2);
    vec3 low = vec3(0.03, 0.04, 0.10);
    vec3 high = vec3(0.14, 0.08, 0.20);
    fragColor = vec4(mix(low, high, clamp(uv.y + 0.15 * swell, 0.0, 1.0)), 1.0);
}
