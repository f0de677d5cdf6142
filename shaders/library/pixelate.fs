/*{
    "ISFVSN": "2",
    "DESCRIPTION": "Pixelate: the input shown as big square blocks, each the colour at the block's centre. Block size is in output pixels; gap draws a thin grid between blocks, like an LED wall.",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Filter", "Distortion", "Stylize"],
    "INPUTS": [
        { "NAME": "inputImage", "TYPE": "image" },
        { "NAME": "blockSize", "TYPE": "float", "LABEL": "Block size (pixels)", "DEFAULT": 8.0, "MIN": 1.0, "MAX": 128.0, "IDENTITY": 1.0 },
        { "NAME": "gap", "TYPE": "float", "LABEL": "Gap", "DEFAULT": 0.0, "MIN": 0.0, "MAX": 0.5 },
        { "NAME": "gapColor", "TYPE": "color", "LABEL": "Gap colour", "DEFAULT": [0.0, 0.0, 0.0, 1.0] }
    ]
}*/

void main() {
    float size = max(blockSize, 1.0);
    vec2 pixel = gl_FragCoord.xy;
    vec2 block = floor(pixel / size);
    vec2 middle = (block + 0.5) * size;
    vec4 colour = IMG_NORM_PIXEL(inputImage, clamp(middle / RENDERSIZE, 0.0, 1.0));
    // Where in its block this pixel is, 0..1: near an edge it belongs to the gap.
    vec2 inside = (pixel - block * size) / size;
    bool inGap = gap > 0.0 && (min(inside.x, inside.y) < gap * 0.5 || max(inside.x, inside.y) > 1.0 - gap * 0.5);
    gl_FragColor = inGap ? gapColor : colour;
}
