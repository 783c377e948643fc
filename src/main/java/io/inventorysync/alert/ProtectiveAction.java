package io.inventorysync.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

import io.inventorysync.channel.control.LimitedAvailability;

/**
 * The last rung of the ladder: {@link LimitedAvailability} on the incident's channel, when the deployment has one.
 * Every engage and lift is logged here and recorded by the escalator.
 */
public class ProtectiveAction {

    private static final Logger LOG = LoggerFactory.getLogger(ProtectiveAction.class);

    private final ObjectProvider<LimitedAvailability> limitedAvailability;

    public ProtectiveAction(ObjectProvider<LimitedAvailability> limitedAvailability) {
        this.limitedAvailability = limitedAvailability;
    }

    /** Why nothing can be engaged, or null. */
    public String unavailableReason() {
        return limitedAvailability.getIfAvailable() == null ? "no protective action available (no LimitedAvailability)" : null;
    }

    public void engage(String channel, int belowQuantity, String reason) throws NotificationFailedException {
        try {
            limitedAvailability.getObject().engage(channel, belowQuantity, reason);
            LOG.warn("Protective action ENGAGED on channel {}: listings below {} published as 0 ({})", channel,
                    belowQuantity, reason);
        } catch (RuntimeException e) {
            throw new NotificationFailedException("engaging limited availability failed: " + SecretText.describe(e));
        }
    }

    public void lift(String channel, String reason) throws NotificationFailedException {
        try {
            limitedAvailability.getObject().lift(channel, reason);
            LOG.warn("Protective action LIFTED on channel {} ({})", channel, reason);
        } catch (RuntimeException e) {
            throw new NotificationFailedException("lifting limited availability failed: " + SecretText.describe(e));
        }
    }
}
