/*{
  "ISFVSN": "2.0",
  "DESCRIPTION": "conformance: every value input type and its DEFAULT",
  "INPUTS": [
    {"NAME": "level", "TYPE": "float", "MIN": 0.0, "MAX": 1.0, "DEFAULT": 0.2},
    {"NAME": "on", "TYPE": "bool", "DEFAULT": true},
    {"NAME": "mode", "TYPE": "long", "VALUES": [0, 1, 2, 3], "LABELS": ["a", "b", "c", "d"], "DEFAULT": 3},
    {"NAME": "pos", "TYPE": "point2D", "DEFAULT": [0.3, 0.7], "MIN": [0, 0], "MAX": [1, 1]},
    {"NAME": "tint", "TYPE": "color", "DEFAULT": [0.1, 0.4, 0.6, 1.0]},
    {"NAME": "bang", "TYPE": "event"}
  ]
}*/
void main() {
    if (isf_FragNormCoord.x < 0.5) {
        gl_FragColor = vec4(level, float(mode) / 10.0, pos.y, on ? 1.0 : 0.0);
    } else {
        gl_FragColor = vec4(tint.rgb, bang ? 1.0 : 0.2);
    }
}
