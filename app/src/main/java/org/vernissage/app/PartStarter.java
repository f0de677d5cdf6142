package org.vernissage.app;

/**
 * Starts one {@link RunPart}: usually a lambda calling the part's static factory with what it
 * needs, handed to {@link RunParts#start}.
 *
 * @param <P> the part started
 * @param <E> the checked exception it fails with, whose message is one line for the person
 *     running the show
 */
@FunctionalInterface
interface PartStarter<P extends RunPart, E extends Exception> {

    P start() throws E;
}
