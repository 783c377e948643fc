package io.inventorysync.connectors.amazon.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Faults to inject ({@code POST /sandbox/faults}). A null field leaves that setting as it is.
 *
 * @param http5xxNext   answer the next N SP-API calls with {@code http5xxStatus} before looking at them
 * @param http5xxStatus the status injected by {@code http5xxNext} (500 or 503; default 503)
 * @param throttleNext  answer the next N authenticated SP-API calls 429 QuotaExceeded, as if another application of
 *                      the seller had spent the quota (not counted as violations)
 * @param latencyMs     delay every SP-API answer by this much
 * @param fatalNext     the next N feeds created end FATAL (nothing applied)
 * @param cancelNext    the next N feeds created are cancelled while IN_QUEUE (as if the seller had called cancelFeed)
 * @param unauthorizedNext answer the next N SP-API calls 403 Unauthorized, whatever token they carry (a revoked
 *                      authorization: a fresh access token does not help while it lasts)
 * @param slowNext      delay only the next N SP-API answers by {@code slowMs} (on top of {@code latencyMs})
 * @param slowMs        the delay of {@code slowNext}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SandboxFaults(Integer http5xxNext, Integer http5xxStatus, Integer throttleNext, Long latencyMs,
                            Integer fatalNext, Integer cancelNext, Integer unauthorizedNext, Integer slowNext,
                            Long slowMs) {

    public SandboxFaults(Integer http5xxNext, Integer http5xxStatus, Integer throttleNext, Long latencyMs,
                         Integer fatalNext, Integer cancelNext) {
        this(http5xxNext, http5xxStatus, throttleNext, latencyMs, fatalNext, cancelNext, null, null, null);
    }

    public static SandboxFaults serverError(int next) {
        return new SandboxFaults(next, null, null, null, null, null, null, null, null);
    }

    public static SandboxFaults throttle(int next) {
        return new SandboxFaults(null, null, next, null, null, null);
    }

    public static SandboxFaults latency(long millis) {
        return new SandboxFaults(null, null, null, millis, null, null);
    }

    public static SandboxFaults fatal(int next) {
        return new SandboxFaults(null, null, null, null, next, null);
    }

    public static SandboxFaults cancel(int next) {
        return new SandboxFaults(null, null, null, null, null, next);
    }

    public static SandboxFaults unauthorized(int next) {
        return new SandboxFaults(null, null, null, null, null, null, next, null, null);
    }

    public static SandboxFaults slow(int next, long millis) {
        return new SandboxFaults(null, null, null, null, null, null, null, next, millis);
    }
}
