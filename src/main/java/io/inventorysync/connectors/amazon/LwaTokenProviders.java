package io.inventorysync.connectors.amazon;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** One {@link LwaTokenProvider} per set of credentials, so every endpoint for a seller shares its tokens. */
public final class LwaTokenProviders {

    private final ConcurrentMap<LwaCredentials, LwaTokenProvider> providers = new ConcurrentHashMap<>();

    public LwaTokenProvider provider(LwaCredentials credentials, HttpClient http, Duration requestTimeout) {
        return providers.computeIfAbsent(credentials, c -> new LwaTokenProvider(c, http, requestTimeout));
    }
}
