/*{
    "ISFVSN": "2",
    "DESCRIPTION": "Levels as in a photo editor: input black and white points, a gamma for the midtones, and the output range. Use it to lift a dark camera feed or to crush a projection's blacks.",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Filter", "Color"],
    "INPUTS": [
        { "NAME": "inputImage", "TYPE": "image" },
        { "NAME": "inBlack", "TYPE": "float", "LABEL": "Input black", "DEFAULT": 0.1, "MIN": 0.0, "MAX": 1.0, "IDENTITY": 0.0 },
        { "NAME": "inWhite", "TYPE": "float", "LABEL": "Input white", "DEFAULT": 0.9, "MIN": 0.0, "MAX": 1.0, "IDENTITY": 1.0 },
        { "NAME": "gamma", "TYPE": "float", "LABEL": "Gamma", "DEFAULT": 1.2, "MIN": 0.1, "MAX": 4.0, "IDENTITY": 1.0 },
        { "NAME": "outBlack", "TYPE": "float", "LABEL": "Output black", "DEFAULT": 0.0, "MIN": 0.0, "MAX": 1.0, "IDENTITY": 0.0 },
        { "NAME": "outWhite", "TYPE": "float", "LABEL": "Output white", "DEFAULT": 1.0, "MIN": 0.0, "MAX": 1.0, "IDENTITY": 1.0 }
    ]
}*/

void main() {
    vec4 source = IMG_THIS_NORM_PIXEL(inputImage);
    // max() keeps a crossed black and white point from dividing by zero or flipping the image.
    vec3 t = clamp((source.rgb - inBlack) / max(inWhite - inBlack, 1e-4), 0.0, 1.0);
    t = pow(t, vec3(1.0 / gamma));
    gl_FragColor = vec4(mix(vec3(outBlack), vec3(outWhite), t), source.a);
}
