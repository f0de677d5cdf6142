/*{
  "ISFVSN": "2.0",
  "DESCRIPTION": "conformance: PASSINDEX in each of three passes",
  "PASSES": [{"TARGET": "first"}, {"TARGET": "second"}, {}]
}*/
void main() {
    if (PASSINDEX == 0) {
        gl_FragColor = vec4(0.1 + float(PASSINDEX) * 0.25);
    } else if (PASSINDEX == 1) {
        gl_FragColor = vec4(IMG_THIS_PIXEL(first).r + float(PASSINDEX) * 0.25);
    } else {
        gl_FragColor = vec4(IMG_THIS_PIXEL(first).r, IMG_THIS_PIXEL(second).r, float(PASSINDEX) * 0.25, 1.0);
    }
}
