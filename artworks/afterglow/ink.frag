// Afterglow, node "ink" (RGBA16F, feedback): last frame's light, turned and drawn in a little
// towards the centre and fading, plus three lights the Java piece moves every frame.
uniform sampler2D FEEDBACK;
uniform vec2 RENDERSIZE;
uniform float energy;
uniform float swirl;
uniform vec3 light0;   // x, y in 0..1, radius: set by Afterglow.java
uniform vec3 light1;
uniform vec3 light2;
out vec4 fragColor;

float spot(vec3 light, vec2 uv, float aspect) {
    vec2 d = (uv - light.xy) * vec2(aspect, 1.0);
    return exp(-dot(d, d) / (light.z * light.z));
}

void main() {
    vec2 uv = gl_FragCoord.xy / RENDERSIZE;
    float aspect = RENDERSIZE.x / RENDERSIZE.y;
    float angle = 0.004 + 0.03 * swirl;
    mat2 turn = mat2(cos(angle), sin(angle), -sin(angle), cos(angle));
    vec2 from = turn * ((uv - 0.5) * vec2(aspect, 1.0)) * 0.99 / vec2(aspect, 1.0) + 0.5;
    vec3 trail = texture(FEEDBACK, from).rgb * (0.93 + 0.05 * energy);
    vec3 light = spot(light0, uv, aspect) * vec3(1.0, 0.55, 0.2)
               + spot(light1, uv, aspect) * vec3(0.25, 0.6, 1.0)
               + spot(light2, uv, aspect) * vec3(0.9, 0.3, 0.8);
    fragColor = vec4(trail + light * (0.3 + 0.7 * energy), 1.0);
}
