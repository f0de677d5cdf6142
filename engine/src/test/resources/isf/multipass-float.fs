/*{
  "ISFVSN": "2",
  "DESCRIPTION": "conformance: a persistent FLOAT buffer accumulates past 1.0",
  "PASSES": [
    {"TARGET": "accum", "PERSISTENT": true, "FLOAT": true},
    {}
  ]
}*/
void main() {
    if (PASSINDEX == 0) {
        gl_FragColor = IMG_THIS_PIXEL(accum) + vec4(0.3);
    } else {
        gl_FragColor = IMG_THIS_PIXEL(accum) / 4.0;
    }
}
