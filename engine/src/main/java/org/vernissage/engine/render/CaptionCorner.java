package org.vernissage.engine.render;

import java.util.Locale;

/** Which corner of the frame a disclosure caption sits in; the manifest names it in lower case. */
public enum CaptionCorner {
    TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT;

    /** The manifest's name: {@code "bottom-right"}. */
    public String manifestName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the caption hugs the right edge. */
    boolean right() {
        return this == TOP_RIGHT || this == BOTTOM_RIGHT;
    }

    /** Whether the caption hugs the top edge. */
    boolean top() {
        return this == TOP_LEFT || this == TOP_RIGHT;
    }
}
