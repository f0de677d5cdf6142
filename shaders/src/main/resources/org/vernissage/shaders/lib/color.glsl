// Vernissage shader library: colour.                       #include "color.glsl"
//
// Plain GLSL 3.30 core, no extensions. Colours are RGB in linear light unless a name says sRGB.
//
//   vec3 palette(float t, vec3 a, vec3 b, vec3 c, vec3 d)   a cosine palette colour for t
//   vec3 hsv2rgb(vec3 hsv)          RGB in [0, 1] for hue (wraps), saturation and value in [0, 1]
//   vec3 rgb2hsv(vec3 rgb)          hue in [0, 1), saturation and value in [0, 1] for RGB in [0, 1]
//   vec3 tonemapFilmic(vec3 hdr)    a filmic (ACES-like) curve from HDR [0, inf) to display [0, 1]
//   vec3 linearToSrgb(vec3 rgb)     the sRGB encoding of linear RGB in [0, 1]
//   vec3 srgbToLinear(vec3 srgb)    linear RGB from sRGB-encoded values in [0, 1]

#ifndef VERNISSAGE_COLOR_GLSL
#define VERNISSAGE_COLOR_GLSL

// A colour from a cosine palette (after Inigo Quilez): a + b * cos(2 pi (c t + d)), per channel.
// a is the mean colour, b the swing around it, c how many cycles t = 0..1 runs through, d the
// phase. Not clamped: keep a +- b inside [0, 1] for displayable colours.
// Example, a rainbow: palette(t, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.0, 0.33, 0.67)).
vec3 palette(float t, vec3 a, vec3 b, vec3 c, vec3 d)
{
    return a + b * cos(6.28318530718 * (c * t + d));
}

// RGB in [0, 1] for hsv = (hue, saturation, value); hue wraps around (1.2 is 0.2), saturation and
// value are expected in [0, 1].
vec3 hsv2rgb(vec3 hsv)
{
    vec3 p = abs(fract(hsv.xxx + vec3(1.0, 2.0 / 3.0, 1.0 / 3.0)) * 6.0 - 3.0);
    return hsv.z * mix(vec3(1.0), clamp(p - 1.0, 0.0, 1.0), hsv.y);
}

// (hue, saturation, value) for RGB in [0, 1]: hue in [0, 1), saturation and value in [0, 1].
// Grey gives hue 0 and saturation 0. Branch-free, after Sam Hocevar.
vec3 rgb2hsv(vec3 rgb)
{
    vec4 k = vec4(0.0, -1.0 / 3.0, 2.0 / 3.0, -1.0);
    vec4 p = mix(vec4(rgb.bg, k.wz), vec4(rgb.gb, k.xy), step(rgb.b, rgb.g));
    vec4 q = mix(vec4(p.xyw, rgb.r), vec4(rgb.r, p.yzx), step(p.x, rgb.r));
    float chroma = q.x - min(q.w, q.y);
    float tiny = 1.0e-10; // keeps grey and black from dividing by zero
    return vec3(abs(q.z + (q.w - q.y) / (6.0 * chroma + tiny)), chroma / (q.x + tiny), q.x);
}

// Display colour in [0, 1] for a linear HDR colour in [0, inf): a filmic S-curve with a soft
// shoulder, so highlights roll off instead of clipping (Krzysztof Narkowicz's fit of the ACES
// reference tone curve). Apply before linearToSrgb; 1.0 in gives about 0.8 out.
vec3 tonemapFilmic(vec3 hdr)
{
    const float a = 2.51;
    const float b = 0.03;
    const float c = 2.43;
    const float d = 0.59;
    const float e = 0.14;
    vec3 x = max(hdr, vec3(0.0));
    return clamp((x * (a * x + b)) / (x * (c * x + d) + e), 0.0, 1.0);
}

// The sRGB encoding of linear RGB in [0, 1] (the exact piecewise curve, not a 2.2 gamma). Use when
// writing to a framebuffer that does not encode sRGB itself.
vec3 linearToSrgb(vec3 rgb)
{
    vec3 c = clamp(rgb, 0.0, 1.0);
    vec3 low = c * 12.92;
    vec3 high = 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055;
    return mix(high, low, vec3(lessThanEqual(c, vec3(0.0031308))));
}

// Linear RGB in [0, 1] from sRGB-encoded values in [0, 1], e.g. a colour picked in an editor.
vec3 srgbToLinear(vec3 srgb)
{
    vec3 c = clamp(srgb, 0.0, 1.0);
    vec3 low = c / 12.92;
    vec3 high = pow((c + 0.055) / 1.055, vec3(2.4));
    return mix(high, low, vec3(lessThanEqual(c, vec3(0.04045))));
}

#endif // VERNISSAGE_COLOR_GLSL
