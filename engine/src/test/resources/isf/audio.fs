/*{
  "ISFVSN": "2.0",
  "DESCRIPTION": "conformance: audio (waveform) and audioFFT (spectrum) inputs with MAX",
  "INPUTS": [
    {"NAME": "wave", "TYPE": "audio", "MAX": 16},
    {"NAME": "spectrum", "TYPE": "audioFFT", "MAX": 16}
  ]
}*/
void main() {
    float u = isf_FragNormCoord.x;
    if (isf_FragNormCoord.y > 0.5) {
        gl_FragColor = vec4(IMG_NORM_PIXEL(wave, vec2(u, 0.5)).r, IMG_SIZE(wave) / 255.0, 1.0);
    } else {
        gl_FragColor = vec4(IMG_NORM_PIXEL(spectrum, vec2(u, 0.5)).r, IMG_SIZE(spectrum) / 255.0, 1.0);
    }
}
