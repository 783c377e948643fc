package io.inventorysync.connectors.amazon.sandbox;

/**
 * One operation's usage plan: a token bucket of {@code burst} requests restored at {@code ratePerSecond}.
 *
 * @param ratePerSecond requests restored per second
 * @param burst         bucket size: requests that may be made at once after a quiet period
 */
public record SandboxQuota(double ratePerSecond, int burst) {

    public SandboxQuota {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond) || burst < 1) {
            throw new IllegalArgumentException("a quota needs a positive rate and a burst of at least 1: "
                    + ratePerSecond + "/" + burst);
        }
    }

    SandboxQuota scaled(double factor) {
        return new SandboxQuota(ratePerSecond * factor, burst);
    }
}
