void main() {
    isf_vertShaderInit();
    gl_Position.x += undeclaredShift;
}
