package org.vernissage.app;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.vernissage.osc.OscMessageHandler;
import org.vernissage.osc.OscMessageView;

/**
 * The one control handler the sensors' OSC routers hand their control addresses to, split by
 * prefix: {@code /vernissage/output/...} to the venue's output control, the rest
 * ({@code /vernissage/<id>/model/...}) to the models' commands. A message for a control the run
 * does not have is ignored (there is nothing to control). Stateless; any receiving thread.
 */
final class OscControls implements OscMessageHandler {

    private static final byte[] OUTPUTS = "/vernissage/output/".getBytes(StandardCharsets.US_ASCII);

    private final OscMessageHandler outputs;
    private final OscMessageHandler models;

    private OscControls(OscMessageHandler outputs, OscMessageHandler models) {
        this.outputs = outputs;
        this.models = models;
    }

    /** The handler for the routers; null when the run controls neither outputs nor models. */
    static OscMessageHandler of(Optional<? extends OscMessageHandler> outputs, Optional<? extends OscMessageHandler> models) {
        if (outputs.isEmpty() && models.isEmpty()) {
            return null;
        }
        return new OscControls(outputs.orElse(null), models.orElse(null));
    }

    @Override
    public void onMessage(OscMessageView message, long timeTag, long arrivalNanos) {
        OscMessageHandler target = startsWith(message, OUTPUTS) ? outputs : models;
        if (target != null) {
            target.onMessage(message, timeTag, arrivalNanos);
        }
    }

    private static boolean startsWith(OscMessageView message, byte[] prefix) {
        if (message.addressLength() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (message.addressByte(i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
