/*{
  "ISFVSN": "2.0",
  "DESCRIPTION": "conformance: an IMPORTED image",
  "IMPORTED": {"checker": {"PATH": "imported.png"}}
}*/
void main() {
    gl_FragColor = IMG_NORM_PIXEL(checker, isf_FragNormCoord);
}
