package io.inventorysync.connectors.shopify.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Faults to inject into the next GraphQL calls ({@code POST /sandbox/faults}). A null field leaves that setting
 * as it is.
 *
 * @param throttleNext       answer the next N calls THROTTLED (the bucket is drained, as if another app spent it)
 * @param http5xxNext        answer the next N calls with {@code http5xxStatus} before looking at them
 * @param latencyMs          delay every GraphQL answer by this much
 * @param throttleStatusCode 200 or 429 for THROTTLED answers from now on
 * @param http5xxStatus      the status injected by {@code http5xxNext} (default 503)
 * @param unauthorizedNext   answer the next N calls 401 "Invalid API key or access token", as Shopify does for a
 *                           revoked or expired token, whatever token they carry
 * @param slowNext           delay only the next N answers by {@code slowMs} (on top of {@code latencyMs}); longer
 *                           than the client's timeout, that is a timeout
 * @param slowMs             the delay of {@code slowNext}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SandboxFaults(Integer throttleNext, Integer http5xxNext, Long latencyMs, Integer throttleStatusCode,
                            Integer http5xxStatus, Integer unauthorizedNext, Integer slowNext, Long slowMs) {

    public SandboxFaults(Integer throttleNext, Integer http5xxNext, Long latencyMs, Integer throttleStatusCode,
                         Integer http5xxStatus) {
        this(throttleNext, http5xxNext, latencyMs, throttleStatusCode, http5xxStatus, null, null, null);
    }

    public static SandboxFaults throttle(int next) {
        return new SandboxFaults(next, null, null, null, null);
    }

    public static SandboxFaults serverError(int next) {
        return new SandboxFaults(null, next, null, null, null);
    }

    public static SandboxFaults latency(long millis) {
        return new SandboxFaults(null, null, millis, null, null);
    }

    public static SandboxFaults throttleStatusCode(int status) {
        return new SandboxFaults(null, null, null, status, null);
    }

    public static SandboxFaults unauthorized(int next) {
        return new SandboxFaults(null, null, null, null, null, next, null, null);
    }

    public static SandboxFaults slow(int next, long millis) {
        return new SandboxFaults(null, null, null, null, null, null, next, millis);
    }
}
