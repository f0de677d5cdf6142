/*{
  "ISFVSN": "2.0",
  "DESCRIPTION": "conformance: a filter (inputImage), inverted and scaled",
  "CATEGORIES": ["Color"],
  "INPUTS": [
    {"NAME": "inputImage", "TYPE": "image"},
    {"NAME": "gain", "TYPE": "float", "DEFAULT": 0.5}
  ]
}*/
void main() {
    vec4 c = IMG_THIS_PIXEL(inputImage);
    gl_FragColor = vec4((1.0 - c.rgb) * gain, 1.0);
}
