/*{
    "ISFVSN": "2",
    "DESCRIPTION": "Video echo: the input image blended into a persistent buffer of its own past, so movement leaves ghosts behind. Persistence sets how long the ghosts stay; freeze holds the buffer as it is.",
    "CREDIT": "Vernissage",
    "CATEGORIES": ["Filter", "Feedback"],
    "INPUTS": [
        { "NAME": "inputImage", "TYPE": "image" },
        { "NAME": "persistence", "TYPE": "float", "LABEL": "Persistence", "DEFAULT": 0.85, "MIN": 0.0, "MAX": 0.99 },
        { "NAME": "brightness", "TYPE": "float", "LABEL": "Ghost brightness", "DEFAULT": 1.0, "MIN": 0.0, "MAX": 2.0 },
        { "NAME": "freeze", "TYPE": "bool", "LABEL": "Freeze", "DEFAULT": false }
    ],
    "PASSES": [
        { "TARGET": "past", "PERSISTENT": true, "FLOAT": true },
        { }
    ]
}*/

void main() {
    vec4 now = IMG_THIS_NORM_PIXEL(inputImage);
    if (PASSINDEX == 0) {
        vec4 before = IMG_THIS_PIXEL(past);
        // On the first frame there is no past yet: start from the image itself, not from black.
        if (FRAMEINDEX == 0) {
            before = now;
        }
        gl_FragColor = freeze ? before : mix(now, before, persistence);
    } else {
        vec4 ghost = IMG_THIS_PIXEL(past) * brightness;
        gl_FragColor = vec4(max(now.rgb, ghost.rgb), now.a);
    }
}
