package org.vernissage.shaders.isf;

/**
 * What an ISF shader does with images, by the spec's conventions: a filter takes
 * {@code inputImage}, a transition takes {@code startImage}, {@code endImage} and a float
 * {@code progress}, a generator takes neither.
 *
 * <p>Immutable.
 */
public enum IsfKind {
    GENERATOR,
    FILTER,
    TRANSITION
}
