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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SandboxFaults(Integer http5xxNext, Integer http5xxStatus, Integer throttleNext, Long latencyMs,
                            Integer fatalNext, Integer cancelNext) {

    public static SandboxFaults serverError(int next) {
        return new SandboxFaults(next, null, null, null, null, null);
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
}
