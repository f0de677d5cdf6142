/*{
    "ISFVSN": "2",
    "DESCRIPTION": "A reaction-like smear: every frame the image is read back from a persistent float buffer, slightly turned, zoomed and softened, while a moving seed pattern feeds new colour in. Spirals, tendrils and slow storms grow out of it. Twist and zoom steer the flow; feed sets how much new colour enters.",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Generator", "Feedback"],
    "INPUTS": [
        { "NAME": "twist", "TYPE": "float", "LABEL": "Twist (degrees per frame)", "DEFAULT": 0.6, "MIN": -5.0, "MAX": 5.0 },
        { "NAME": "zoom", "TYPE": "float", "LABEL": "Zoom per frame", "DEFAULT": 0.995, "MIN": 0.95, "MAX": 1.05 },
        { "NAME": "decay", "TYPE": "float", "LABEL": "Persistence", "DEFAULT": 0.985, "MIN": 0.8, "MAX": 1.0 },
        { "NAME": "feed", "TYPE": "float", "LABEL": "Feed", "DEFAULT": 0.25, "MIN": 0.0, "MAX": 1.0 },
        { "NAME": "hue", "TYPE": "float", "LABEL": "Hue (turns)", "DEFAULT": 0.6, "MIN": 0.0, "MAX": 1.0 },
        { "NAME": "center", "TYPE": "point2D", "LABEL": "Flow centre", "DEFAULT": [0.5, 0.5], "MIN": [0.0, 0.0], "MAX": [1.0, 1.0] }
    ],
    "PASSES": [
        { "TARGET": "field", "PERSISTENT": true, "FLOAT": true },
        { }
    ]
}*/

const float TAU = 6.28318530718;

// Last frame's field at uv, averaged with its four neighbours one pixel away (a soft blur that
// keeps the smear from turning into noise).
vec4 softened(vec2 uv) {
    vec2 px = 1.0 / RENDERSIZE;
    vec4 sum = IMG_NORM_PIXEL(field, uv) * 4.0;
    sum += IMG_NORM_PIXEL(field, uv + vec2(px.x, 0.0));
    sum += IMG_NORM_PIXEL(field, uv - vec2(px.x, 0.0));
    sum += IMG_NORM_PIXEL(field, uv + vec2(0.0, px.y));
    sum += IMG_NORM_PIXEL(field, uv - vec2(0.0, px.y));
    return sum / 8.0;
}

void main() {
    vec2 aspect = vec2(RENDERSIZE.x / RENDERSIZE.y, 1.0);
    if (PASSINDEX == 0) {
        // Where this pixel's colour flowed from: turn and zoom about the centre, in square units.
        float a = twist * 0.01745329252;
        mat2 turn = mat2(cos(a), -sin(a), sin(a), cos(a));
        vec2 q = turn * ((isf_FragNormCoord - center) * aspect) * zoom;
        vec4 previous = softened(q / aspect + center);
        // The seed: three orbiting sparks that paint into the flow.
        float seed = 0.0;
        for (int i = 0; i < 3; i++) {
            float phase = TIME * (0.7 + 0.23 * float(i)) + float(i) * 2.1;
            vec2 spark = center + 0.28 * vec2(cos(phase), sin(phase * 1.3)) / aspect;
            float d = length((isf_FragNormCoord - spark) * aspect);
            seed += exp(-d * d * 900.0);
        }
        vec3 colour = 0.5 + 0.5 * cos(TAU * (hue + 0.15 * sin(TIME * 0.2) + vec3(0.0, 0.33, 0.67)));
        gl_FragColor = previous * decay + vec4(colour * seed * feed * 4.0, seed * feed);
    } else {
        vec4 accumulated = IMG_THIS_PIXEL(field);
        gl_FragColor = vec4(1.0 - exp(-accumulated.rgb), 1.0);
    }
}
