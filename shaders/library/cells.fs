/*{
    "ISFVSN": "2",
    "DESCRIPTION": "Voronoi-like cells: one wandering seed per grid square, each pixel coloured by its nearest seed, with optional glowing borders. Density sets the number of cells, wander how far seeds roam.",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Generator", "Pattern"],
    "INPUTS": [
        { "NAME": "density", "TYPE": "float", "LABEL": "Cells across the height", "DEFAULT": 5.0, "MIN": 1.0, "MAX": 30.0 },
        { "NAME": "wander", "TYPE": "float", "LABEL": "Wander", "DEFAULT": 0.4, "MIN": 0.0, "MAX": 0.5 },
        { "NAME": "speed", "TYPE": "float", "LABEL": "Speed", "DEFAULT": 0.5, "MIN": 0.0, "MAX": 3.0 },
        { "NAME": "borders", "TYPE": "bool", "LABEL": "Borders", "DEFAULT": true },
        { "NAME": "borderColor", "TYPE": "color", "LABEL": "Border colour", "DEFAULT": [1.0, 1.0, 1.0, 1.0] }
    ]
}*/

vec2 hash2(vec2 cell) {
    vec3 q = fract(vec3(cell.xyx) * vec3(0.1031, 0.1030, 0.0973));
    q += dot(q, q.yzx + 33.33);
    return fract((q.xx + q.yz) * q.zy);
}

// Where the seed of a cell is at this time: its square's centre plus a slow circular wander.
vec2 seed(vec2 cell) {
    vec2 h = hash2(cell);
    float a = 6.28318530718 * h.x + TIME * speed * (0.5 + h.y);
    return cell + 0.5 + wander * vec2(cos(a), sin(a));
}

void main() {
    vec2 p = isf_FragNormCoord * vec2(RENDERSIZE.x / RENDERSIZE.y, 1.0) * density;
    vec2 home = floor(p);
    float nearest = 8.0;
    float second = 8.0;
    vec2 nearestCell = home;
    for (int j = -1; j <= 1; j++) {
        for (int i = -1; i <= 1; i++) {
            vec2 cell = home + vec2(float(i), float(j));
            float d = length(p - seed(cell));
            if (d < nearest) {
                second = nearest;
                nearest = d;
                nearestCell = cell;
            } else if (d < second) {
                second = d;
            }
        }
    }
    vec2 h = hash2(nearestCell + 71.0);
    vec3 colour = 0.55 + 0.45 * cos(6.28318530718 * (h.x + vec3(0.0, 0.33, 0.67)));
    colour *= 0.75 + 0.25 * (1.0 - nearest);
    if (borders) {
        // Distance between the two nearest seeds' distances approximates the distance to the border.
        float border = 1.0 - smoothstep(0.0, 0.06, second - nearest);
        colour = mix(colour, borderColor.rgb, border * borderColor.a);
    }
    gl_FragColor = vec4(colour, 1.0);
}
