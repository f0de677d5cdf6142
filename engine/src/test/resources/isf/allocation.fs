/*{
  "ISFVSN": "2.0",
  "DESCRIPTION": "allocation check: every value input type, an image, audio and its spectrum, an import, a persistent float pass sized by an expression",
  "INPUTS": [
    {"NAME": "inputImage", "TYPE": "image"},
    {"NAME": "level", "TYPE": "float", "DEFAULT": 0.5},
    {"NAME": "on", "TYPE": "bool", "DEFAULT": true},
    {"NAME": "mode", "TYPE": "long", "VALUES": [0, 1, 2], "DEFAULT": 1},
    {"NAME": "pos", "TYPE": "point2D", "DEFAULT": [0.5, 0.5]},
    {"NAME": "tint", "TYPE": "color", "DEFAULT": [1, 0.5, 0.25, 1]},
    {"NAME": "bang", "TYPE": "event"},
    {"NAME": "scale", "TYPE": "float", "MIN": 1, "MAX": 4, "DEFAULT": 2},
    {"NAME": "wave", "TYPE": "audio", "MAX": 256},
    {"NAME": "sound", "TYPE": "audioFFT"}
  ],
  "IMPORTED": {"checker": {"PATH": "imported.png"}},
  "PASSES": [
    {"TARGET": "feedback", "PERSISTENT": true, "FLOAT": true, "WIDTH": "floor($WIDTH / $scale)", "HEIGHT": "$HEIGHT / 2"},
    {}
  ]
}*/
void main() {
    if (PASSINDEX == 0) {
        gl_FragColor = IMG_THIS_PIXEL(feedback) * 0.9 + IMG_THIS_PIXEL(inputImage) * level;
    } else {
        vec4 image = IMG_NORM_PIXEL(checker, isf_FragNormCoord) + IMG_PIXEL(feedback, pos * IMG_SIZE(feedback));
        gl_FragColor = on ? tint * image * float(mode) + vec4(bang ? 1.0 : 0.0) + DATE / 1e5
                               + IMG_NORM_PIXEL(wave, isf_FragNormCoord) + IMG_NORM_PIXEL(sound, isf_FragNormCoord)
                          : vec4(TIME + TIMEDELTA + float(FRAMEINDEX));
    }
}
