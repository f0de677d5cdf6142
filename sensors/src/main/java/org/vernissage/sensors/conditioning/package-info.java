/**
 * The per-binding conditioning that turns raw sensor values into parameter values on the
 * conductor thread: {@link org.vernissage.sensors.conditioning.BindingConditioner} and the small
 * steps it chains (normalise, dead zone, clamp, curve, One Euro filter, rate limit, idle ease,
 * output scale), each a pure function of the values and times it is given.
 */
package org.vernissage.sensors.conditioning;
