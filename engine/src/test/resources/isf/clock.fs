/*{
  "ISFVSN": "2.0",
  "DESCRIPTION": "conformance: DATE, TIME, TIMEDELTA, FRAMEINDEX"
}*/
void main() {
    if (isf_FragNormCoord.x < 0.5) {
        gl_FragColor = vec4((DATE.x - 2000.0) / 255.0, DATE.y / 255.0, DATE.z / 255.0, DATE.w / 86400.0);
    } else {
        gl_FragColor = vec4(TIMEDELTA * 30.0, float(FRAMEINDEX) / 255.0, TIME / 10.0, 1.0);
    }
}
