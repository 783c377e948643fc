package io.inventorysync.monitor;

import java.net.URI;
import java.util.Objects;

/**
 * Where a monitor's pings go and which protocol that URL speaks. The URL holds the check's key, a secret: it is
 * left out of {@link #toString()} so that logging a definition does not leak it.
 */
public record PingTarget(URI url, PingProtocol protocol) {

    public PingTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(protocol, "protocol");
    }

    @Override
    public String toString() {
        return "PingTarget[" + protocol.configName() + "]";
    }
}
