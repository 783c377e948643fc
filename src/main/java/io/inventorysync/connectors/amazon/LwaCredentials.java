package io.inventorysync.connectors.amazon;

import java.net.URI;
import java.util.Objects;

/**
 * What Login with Amazon needs to exchange a seller's refresh token for access tokens.
 *
 * @param tokenUrl     LWA's token endpoint, {@code https://api.amazon.com/auth/o2/token} (or a sandbox's)
 * @param clientId     the application's LWA client id
 * @param clientSecret its client secret
 * @param refreshToken the refresh token the seller's authorisation produced
 */
public record LwaCredentials(URI tokenUrl, String clientId, String clientSecret, String refreshToken) {

    public static final String DEFAULT_TOKEN_URL = "https://api.amazon.com/auth/o2/token";

    public LwaCredentials {
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        requireText(clientId, "lwaClientId");
        requireText(clientSecret, "lwaClientSecret");
        requireText(refreshToken, "lwaRefreshToken");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /** Never prints the secret or the refresh token. */
    @Override
    public String toString() {
        return "LwaCredentials[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", clientSecret=***, refreshToken=***]";
    }
}
