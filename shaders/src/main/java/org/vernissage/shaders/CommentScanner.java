package org.vernissage.shaders;

/**
 * Follows GLSL comments line by line, so that a directive inside a comment is left alone and a
 * directive line can be replaced without breaking a comment that spans it.
 *
 * <p>Not thread-safe; one per file being expanded.
 */
final class CommentScanner {

    private boolean inBlock;
    private boolean startedInBlock;

    /**
     * Reads the next line and returns its code with comments replaced by a space, as the
     * preprocessor sees it. Quoted text (only {@code #include} has any) is kept as is.
     */
    String code(String line) {
        startedInBlock = inBlock;
        StringBuilder code = new StringBuilder(line.length());
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
            if (inBlock) {
                if (c == '*' && next == '/') {
                    inBlock = false;
                    code.append(' ');
                    i++;
                }
            } else if (quoted) {
                code.append(c);
                quoted = c != '"';
            } else if (c == '/' && next == '/') {
                break;
            } else if (c == '/' && next == '*') {
                inBlock = true;
                i++;
            } else {
                code.append(c);
                quoted = c == '"';
            }
        }
        return code.toString();
    }

    /**
     * What to put in place of the line just read when it is dropped, so that a block comment it
     * closed or opened is still closed or opened.
     */
    String replacement() {
        return (startedInBlock ? "*/" : "") + (inBlock ? (startedInBlock ? " /*" : "/*") : "");
    }

    /** Whether the line just read began inside a block comment. */
    boolean startedInBlock() {
        return startedInBlock;
    }

    /** Whether the line just read left a block comment open. */
    boolean endsInBlock() {
        return inBlock;
    }
}
