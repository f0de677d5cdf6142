// Vernissage shader library: hashes and noise.            #include "noise.glsl"
//
// Plain GLSL 3.30 core, no extensions. Every function is deterministic: the same input gives the
// same output on every frame and every machine, so a piece replays the same way.
//
//   float hash12(vec2 p)        a pseudo-random value in [0, 1) for a 2D point
//   float hash13(vec3 p)        a pseudo-random value in [0, 1) for a 3D point
//   vec2  hash22(vec2 p)        two independent pseudo-random values in [0, 1) for a 2D point
//   float valueNoise(vec2 p)    smooth value noise in [0, 1], one random value per integer lattice point
//   float valueNoise(vec3 p)    the same in 3D
//   float snoise(vec2 p)        simplex noise in [-1, 1], features about one unit across
//   float snoise(vec3 p)        3D simplex noise in [-1, 1]
//   float fbm(vec2 p, int n)    fractal sum of n octaves (1..12) of snoise, normalised to about [-1, 1]
//   float fbm(vec3 p, int n)    the same in 3D
//   float fbm(vec2 p), fbm(vec3 p)   fbm with 5 octaves
//
// Helper names starting with vn_ are private to this file.

#ifndef VERNISSAGE_NOISE_GLSL
#define VERNISSAGE_NOISE_GLSL

// ---- Hashes: "Hash without Sine", Copyright (c) 2014 David Hoskins, MIT licence.
// Arithmetic-only, so they do not depend on the precision of a driver's sin().

// A pseudo-random value in [0, 1) for the 2D point p.
float hash12(vec2 p)
{
    vec3 p3 = fract(vec3(p.xyx) * 0.1031);
    p3 += dot(p3, p3.yzx + 33.33);
    return fract((p3.x + p3.y) * p3.z);
}

// A pseudo-random value in [0, 1) for the 3D point p.
float hash13(vec3 p)
{
    vec3 p3 = fract(p * 0.1031);
    p3 += dot(p3, p3.zyx + 31.32);
    return fract((p3.x + p3.y) * p3.z);
}

// Two independent pseudo-random values in [0, 1) for the 2D point p.
vec2 hash22(vec2 p)
{
    vec3 p3 = fract(vec3(p.xyx) * vec3(0.1031, 0.1030, 0.0973));
    p3 += dot(p3, p3.yzx + 33.33);
    return fract((p3.xx + p3.yz) * p3.zy);
}

// ---- Value noise: random values on the integer lattice, blended with a smooth (C1) curve.

// Smooth value noise in [0, 1] at the 2D point p.
float valueNoise(vec2 p)
{
    vec2 cell = floor(p);
    vec2 f = fract(p);
    vec2 u = f * f * (3.0 - 2.0 * f);
    float a = hash12(cell);
    float b = hash12(cell + vec2(1.0, 0.0));
    float c = hash12(cell + vec2(0.0, 1.0));
    float d = hash12(cell + vec2(1.0, 1.0));
    return mix(mix(a, b, u.x), mix(c, d, u.x), u.y);
}

// Smooth value noise in [0, 1] at the 3D point p.
float valueNoise(vec3 p)
{
    vec3 cell = floor(p);
    vec3 f = fract(p);
    vec3 u = f * f * (3.0 - 2.0 * f);
    float n000 = hash13(cell);
    float n100 = hash13(cell + vec3(1.0, 0.0, 0.0));
    float n010 = hash13(cell + vec3(0.0, 1.0, 0.0));
    float n110 = hash13(cell + vec3(1.0, 1.0, 0.0));
    float n001 = hash13(cell + vec3(0.0, 0.0, 1.0));
    float n101 = hash13(cell + vec3(1.0, 0.0, 1.0));
    float n011 = hash13(cell + vec3(0.0, 1.0, 1.0));
    float n111 = hash13(cell + vec3(1.0, 1.0, 1.0));
    float near = mix(mix(n000, n100, u.x), mix(n010, n110, u.x), u.y);
    float far = mix(mix(n001, n101, u.x), mix(n011, n111, u.x), u.y);
    return mix(near, far, u.z);
}

// ---- Simplex noise: after "webgl-noise" by Ian McEwan and Stefan Gustavson,
// Copyright (c) 2011 Ashima Arts, (c) 2011-2016 Stefan Gustavson, MIT licence.
// The permutation is a polynomial modulo 289, so no lookup texture is needed.

vec2 vn_mod289(vec2 x) { return x - floor(x * (1.0 / 289.0)) * 289.0; }
vec3 vn_mod289(vec3 x) { return x - floor(x * (1.0 / 289.0)) * 289.0; }
vec4 vn_mod289(vec4 x) { return x - floor(x * (1.0 / 289.0)) * 289.0; }
vec3 vn_permute(vec3 x) { return vn_mod289(((x * 34.0) + 10.0) * x); }
vec4 vn_permute(vec4 x) { return vn_mod289(((x * 34.0) + 10.0) * x); }
vec4 vn_taylorInvSqrt(vec4 r) { return 1.79284291400159 - 0.85373472095314 * r; }

// Simplex noise in [-1, 1] at the 2D point p; features are about one unit across.
float snoise(vec2 p)
{
    const vec4 C = vec4(0.211324865405187,   // (3 - sqrt(3)) / 6
                        0.366025403784439,   // (sqrt(3) - 1) / 2
                       -0.577350269189626,   // -1 + 2 C.x
                        0.024390243902439);  // 1 / 41
    // The simplex (triangle) that holds p, and p relative to its three corners.
    vec2 i = floor(p + dot(p, C.yy));
    vec2 x0 = p - i + dot(i, C.xx);
    vec2 i1 = (x0.x > x0.y) ? vec2(1.0, 0.0) : vec2(0.0, 1.0);
    vec4 x12 = x0.xyxy + C.xxzz;
    x12.xy -= i1;

    // A pseudo-random gradient per corner, from 41 points on a line wrapped onto a diamond.
    i = vn_mod289(i);
    vec3 perm = vn_permute(vn_permute(i.y + vec3(0.0, i1.y, 1.0)) + i.x + vec3(0.0, i1.x, 1.0));
    vec3 m = max(0.5 - vec3(dot(x0, x0), dot(x12.xy, x12.xy), dot(x12.zw, x12.zw)), 0.0);
    m = m * m;
    m = m * m;
    vec3 x = 2.0 * fract(perm * C.www) - 1.0;
    vec3 h = abs(x) - 0.5;
    vec3 ox = floor(x + 0.5);
    vec3 a0 = x - ox;
    // Normalise the gradients implicitly by scaling m.
    m *= 1.79284291400159 - 0.85373472095314 * (a0 * a0 + h * h);

    vec3 g;
    g.x = a0.x * x0.x + h.x * x0.y;
    g.yz = a0.yz * x12.xz + h.yz * x12.yw;
    return 130.0 * dot(m, g);
}

// Simplex noise in [-1, 1] at the 3D point p; features are about one unit across.
float snoise(vec3 p)
{
    const vec2 C = vec2(1.0 / 6.0, 1.0 / 3.0);
    const vec4 D = vec4(0.0, 0.5, 1.0, 2.0);

    // The simplex (tetrahedron) that holds p, and p relative to its four corners.
    vec3 i = floor(p + dot(p, C.yyy));
    vec3 x0 = p - i + dot(i, C.xxx);
    vec3 g = step(x0.yzx, x0.xyz);
    vec3 l = 1.0 - g;
    vec3 i1 = min(g.xyz, l.zxy);
    vec3 i2 = max(g.xyz, l.zxy);
    vec3 x1 = x0 - i1 + C.xxx;
    vec3 x2 = x0 - i2 + C.yyy;
    vec3 x3 = x0 - D.yyy;

    // A pseudo-random gradient per corner: 7x7 points over a square, mapped onto an octahedron.
    i = vn_mod289(i);
    vec4 perm = vn_permute(vn_permute(vn_permute(
                    i.z + vec4(0.0, i1.z, i2.z, 1.0))
                  + i.y + vec4(0.0, i1.y, i2.y, 1.0))
                  + i.x + vec4(0.0, i1.x, i2.x, 1.0));
    float n_ = 0.142857142857; // 1 / 7
    vec3 ns = n_ * D.wyz - D.xzx;
    vec4 j = perm - 49.0 * floor(perm * ns.z * ns.z);
    vec4 x_ = floor(j * ns.z);
    vec4 y_ = floor(j - 7.0 * x_);
    vec4 x = x_ * ns.x + ns.yyyy;
    vec4 y = y_ * ns.x + ns.yyyy;
    vec4 h = 1.0 - abs(x) - abs(y);
    vec4 b0 = vec4(x.xy, y.xy);
    vec4 b1 = vec4(x.zw, y.zw);
    vec4 s0 = floor(b0) * 2.0 + 1.0;
    vec4 s1 = floor(b1) * 2.0 + 1.0;
    vec4 sh = -step(h, vec4(0.0));
    vec4 a0 = b0.xzyw + s0.xzyw * sh.xxyy;
    vec4 a1 = b1.xzyw + s1.xzyw * sh.zzww;
    vec3 p0 = vec3(a0.xy, h.x);
    vec3 p1 = vec3(a0.zw, h.y);
    vec3 p2 = vec3(a1.xy, h.z);
    vec3 p3 = vec3(a1.zw, h.w);
    vec4 norm = vn_taylorInvSqrt(vec4(dot(p0, p0), dot(p1, p1), dot(p2, p2), dot(p3, p3)));
    p0 *= norm.x;
    p1 *= norm.y;
    p2 *= norm.z;
    p3 *= norm.w;

    // Sum the corners' contributions, each fading to 0 within a radius of sqrt(0.5).
    vec4 m = max(0.5 - vec4(dot(x0, x0), dot(x1, x1), dot(x2, x2), dot(x3, x3)), 0.0);
    m = m * m;
    return 105.0 * dot(m * m, vec4(dot(p0, x0), dot(p1, x1), dot(p2, x2), dot(p3, x3)));
}

// ---- Fractal Brownian motion: octaves of simplex noise, each twice the frequency and half the
// amplitude of the one before, rotated so their grids do not line up into visible streaks.

const int VN_FBM_MAX_OCTAVES = 12;

// A fractal sum of 'octaves' (clamped to 1..12) octaves of snoise at the 2D point p, divided by
// the sum of the amplitudes: about [-1, 1], usually well inside it.
float fbm(vec2 p, int octaves)
{
    const mat2 turn = mat2(0.8, 0.6, -0.6, 0.8);
    int count = clamp(octaves, 1, VN_FBM_MAX_OCTAVES);
    float sum = 0.0;
    float amplitude = 0.5;
    float total = 0.0;
    for (int octave = 0; octave < count; ++octave) {
        sum += amplitude * snoise(p);
        total += amplitude;
        p = turn * p * 2.0 + vec2(17.0, 11.0);
        amplitude *= 0.5;
    }
    return sum / total;
}

// A fractal sum of 'octaves' (clamped to 1..12) octaves of snoise at the 3D point p, divided by
// the sum of the amplitudes: about [-1, 1], usually well inside it.
float fbm(vec3 p, int octaves)
{
    const mat3 turn = mat3( 0.00,  0.80,  0.60,
                           -0.80,  0.36, -0.48,
                           -0.60, -0.48,  0.64);
    int count = clamp(octaves, 1, VN_FBM_MAX_OCTAVES);
    float sum = 0.0;
    float amplitude = 0.5;
    float total = 0.0;
    for (int octave = 0; octave < count; ++octave) {
        sum += amplitude * snoise(p);
        total += amplitude;
        p = turn * p * 2.0 + vec3(17.0, 11.0, 5.0);
        amplitude *= 0.5;
    }
    return sum / total;
}

// fbm with 5 octaves at the 2D point p: about [-1, 1].
float fbm(vec2 p)
{
    return fbm(p, 5);
}

// fbm with 5 octaves at the 3D point p: about [-1, 1].
float fbm(vec3 p)
{
    return fbm(p, 5);
}

#endif // VERNISSAGE_NOISE_GLSL
