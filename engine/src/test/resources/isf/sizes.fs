/*{
  "ISFVSN": "2.0",
  "DESCRIPTION": "conformance: WIDTH/HEIGHT expressions, seen through IMG_SIZE",
  "INPUTS": [{"NAME": "extra", "TYPE": "float", "MIN": 0, "MAX": 40, "DEFAULT": 2}],
  "PASSES": [
    {"TARGET": "small", "WIDTH": "floor($WIDTH / 4.0)", "HEIGHT": "max($HEIGHT / 2 + $extra, 1)"},
    {}
  ]
}*/
void main() {
    if (PASSINDEX == 0) {
        gl_FragColor = vec4(RENDERSIZE / 255.0, 0.0, 1.0);
    } else {
        gl_FragColor = vec4(IMG_SIZE(small) / 255.0, IMG_NORM_PIXEL(small, vec2(0.5)).r, 1.0);
    }
}
