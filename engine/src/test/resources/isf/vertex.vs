varying vec2 halfCoord;
void main() {
    isf_vertShaderInit();
    halfCoord = isf_FragNormCoord * 0.5;
}
