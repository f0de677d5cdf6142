/*{
    "ISFVSN": "2",
    "DESCRIPTION": "Turns every colour of the input around the colour wheel, and scales its saturation and value. Shift 0.5 gives the complementary colours; saturation 0 gives greyscale.",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Filter", "Color"],
    "INPUTS": [
        { "NAME": "inputImage", "TYPE": "image" },
        { "NAME": "shift", "TYPE": "float", "LABEL": "Hue shift (turns)", "DEFAULT": 0.25, "MIN": 0.0, "MAX": 1.0, "IDENTITY": 0.0 },
        { "NAME": "saturation", "TYPE": "float", "LABEL": "Saturation", "DEFAULT": 1.0, "MIN": 0.0, "MAX": 2.0, "IDENTITY": 1.0 },
        { "NAME": "value", "TYPE": "float", "LABEL": "Brightness", "DEFAULT": 1.0, "MIN": 0.0, "MAX": 2.0, "IDENTITY": 1.0 }
    ]
}*/

vec3 rgbToHsv(vec3 c) {
    float high = max(c.r, max(c.g, c.b));
    float low = min(c.r, min(c.g, c.b));
    float chroma = high - low;
    float h = 0.0;
    if (chroma > 1e-6) {
        if (high == c.r) {
            h = mod((c.g - c.b) / chroma, 6.0);
        } else if (high == c.g) {
            h = (c.b - c.r) / chroma + 2.0;
        } else {
            h = (c.r - c.g) / chroma + 4.0;
        }
    }
    return vec3(h / 6.0, high > 1e-6 ? chroma / high : 0.0, high);
}

vec3 hsvToRgb(vec3 hsv) {
    vec3 k = clamp(abs(mod(hsv.x * 6.0 + vec3(0.0, 4.0, 2.0), 6.0) - 3.0) - 1.0, 0.0, 1.0);
    return hsv.z * mix(vec3(1.0), k, hsv.y);
}

void main() {
    vec4 source = IMG_THIS_NORM_PIXEL(inputImage);
    vec3 hsv = rgbToHsv(source.rgb);
    hsv.x = fract(hsv.x + shift);
    hsv.y = clamp(hsv.y * saturation, 0.0, 1.0);
    hsv.z *= value;
    gl_FragColor = vec4(hsvToRgb(hsv), source.a);
}
