package org.vernissage.engine.binding;

import java.util.Objects;

/**
 * OSC messages whose address matches {@code address} (a literal address, or an OSC 1.0 pattern
 * with {@code * ? [] [!] {a,b}}), reading argument number {@code argument} as the raw value.
 */
public record OscSelector(String address, int argument) implements InputSelector {

    public OscSelector {
        Objects.requireNonNull(address, "address");
        if (argument < 0) {
            throw new IllegalArgumentException("argument must not be negative: " + argument);
        }
    }

    /** True when the address uses pattern characters and so may match several addresses. */
    public boolean isPattern() {
        for (int i = 0; i < address.length(); i++) {
            if ("*?[]{}".indexOf(address.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return "OSC " + address + (argument == 0 ? "" : " argument " + argument);
    }

    @Override
    public float[] naturalRange() {
        return null;
    }
}
