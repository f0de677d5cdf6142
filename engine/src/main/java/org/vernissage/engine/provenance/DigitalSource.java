package org.vernissage.engine.provenance;

import java.util.Optional;

/**
 * How the pixels of a frame came to be, in the IPTC Digital Source Type vocabulary that the EU AI
 * Act's marking of generated images is read with.
 */
public enum DigitalSource {

    /** A plain shader drew them: no AI involved, so no digital source type is written. */
    NONE(null),
    /** Models only steered the parameters of a shader (a trained mapping, a classifier). */
    COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA("compositeWithTrainedAlgorithmicMedia"),
    /** A generative model drew the pixels (a CPPN, a neural cellular automaton). */
    TRAINED_ALGORITHMIC_MEDIA("trainedAlgorithmicMedia");

    /** Where IPTC's codes live; the XMP value is this plus the code. */
    public static final String VOCABULARY = "http://cv.iptc.org/newscodes/digitalsourcetype/";

    private final String code;

    DigitalSource(String code) {
        this.code = code;
    }

    /** The IPTC code's full URI, or empty for {@link #NONE}. */
    public Optional<String> uri() {
        return Optional.ofNullable(code).map(c -> VOCABULARY + c);
    }
}
