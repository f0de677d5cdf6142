/*{
  "ISFVSN": "2.0",
  "DESCRIPTION": "conformance: the last pass draws into a buffer (half size), which the frame then shows",
  "PASSES": [
    {"TARGET": "first"},
    {"TARGET": "final", "WIDTH": "$WIDTH / 2", "HEIGHT": "$HEIGHT / 2"}
  ]
}*/
void main() {
    if (PASSINDEX == 0) {
        gl_FragColor = vec4(0.2, 0.4, 0.6, 1.0);
    } else {
        gl_FragColor = IMG_THIS_PIXEL(first) + vec4(RENDERSIZE / 255.0, 0.0, 0.0);
    }
}
