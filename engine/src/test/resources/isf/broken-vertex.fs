/*{
  "ISFVSN": "2.0",
  "DESCRIPTION": "bad input: its vertex shader does not compile"
}*/
void main() {
    gl_FragColor = vec4(1.0);
}
