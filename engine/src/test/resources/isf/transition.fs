/*{
  "ISFVSN": "2.0",
  "DESCRIPTION": "conformance: a transition (startImage, endImage, progress)",
  "INPUTS": [
    {"NAME": "startImage", "TYPE": "image"},
    {"NAME": "endImage", "TYPE": "image"},
    {"NAME": "progress", "TYPE": "float", "DEFAULT": 0.25}
  ]
}*/
void main() {
    gl_FragColor = mix(IMG_NORM_PIXEL(startImage, isf_FragNormCoord), IMG_PIXEL(endImage, gl_FragCoord.xy), progress);
}
