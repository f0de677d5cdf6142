// Afterglow, layer "glow": the ink, tone-mapped (it runs past 1.0 where lights linger) and turned
// around the colour wheel by hue; screened over the ground by default.
uniform sampler2D ink;
uniform vec2 RENDERSIZE;
uniform float hue;
out vec4 fragColor;

vec3 turnHue(vec3 colour, float turns) {
    float a = turns * 6.2831853;
    vec3 grey = vec3(0.57735);
    return colour * cos(a) + cross(grey, colour) * sin(a) + grey * dot(grey, colour) * (1.0 - cos(a));
}

void main() {
    vec3 light = texture(ink, gl_FragCoord.xy / RENDERSIZE).rgb;
    vec3 toned = 1.0 - exp(-1.6 * light);
    fragColor = vec4(clamp(turnHue(toned, hue), 0.0, 1.0), 1.0);
}
