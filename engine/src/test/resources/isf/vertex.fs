/*{
  "ISFVSN": "2.0",
  "DESCRIPTION": "conformance: a custom vertex shader (vertex.vs) hands on a varying"
}*/
varying vec2 halfCoord;
void main() {
    gl_FragColor = vec4(halfCoord, 0.0, 1.0);
}
