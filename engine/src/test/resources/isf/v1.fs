/*{
  "DESCRIPTION": "conformance: a version 1 file (no ISFVSN, PERSISTENT_BUFFERS, vv_ names, legacy GLSL)",
  "PERSISTENT_BUFFERS": ["trail"],
  "PASSES": [{"TARGET": "trail"}, {}]
}*/
varying vec2 unused_in_v1;
void main() {
    if (PASSINDEX == 0) {
        gl_FragColor = texture2D(trail, vv_FragNormCoord) + vec4(0.12, 0.2, 0.0, 0.0);
    } else {
        gl_FragColor = vec4(texture2D(trail, vv_FragNormCoord).rg, vv_FragNormCoord.x, 1.0);
    }
}
