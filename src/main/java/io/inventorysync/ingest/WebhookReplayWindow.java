package io.inventorysync.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bounds how long a captured, validly signed request can be replayed: a request that carries
 * {@value WebhookHeaders#TIMESTAMP} (Unix seconds, covered by the signature, see {@link WebhookSigner}) is refused
 * when that time is further than {@code tolerance} from this server's clock, either way. A source listed as
 * requiring it is refused without it; other sources may leave it out, as sources built before the header existed
 * do, and are then protected from replays only by event-id de-duplication (a replay is applied once).
 * <p>
 * Consulted only after the signature matched, so its more specific answers go to holders of the secret alone.
 * Thread-safe.
 */
public final class WebhookReplayWindow {

    /** Five minutes, as most webhook senders that sign a timestamp use. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /** Digits of Unix seconds for the next few thousand years; anything longer is not a timestamp. */
    private static final int MAX_DIGITS = 12;

    private final Duration tolerance;
    private final Set<String> requiredBy;
    private final Clock clock;

    /**
     * @param tolerance  largest accepted distance between the signed timestamp and the server's clock
     * @param requiredBy sources whose every request must carry a signed timestamp
     * @param clock      the server's clock
     */
    public WebhookReplayWindow(Duration tolerance, Set<String> requiredBy, Clock clock) {
        if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("the webhook timestamp tolerance must be positive, was " + tolerance);
        }
        this.tolerance = tolerance;
        this.requiredBy = Set.copyOf(Objects.requireNonNull(requiredBy, "requiredBy"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Default tolerance, timestamps optional for every source. */
    public static WebhookReplayWindow optional() {
        return new WebhookReplayWindow(DEFAULT_TOLERANCE, Set.of(), Clock.systemUTC());
    }

    /**
     * For configuration that arrives as text, such as kamelet properties.
     *
     * @param toleranceSeconds largest accepted clock distance in seconds
     * @param requiredBy       source names separated by commas (blank or {@code none}: none)
     */
    public static WebhookReplayWindow fromSpec(long toleranceSeconds, String requiredBy) {
        Set<String> sources = requiredBy == null || requiredBy.strip().equals("none") ? Set.of()
                : Arrays.stream(requiredBy.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        return new WebhookReplayWindow(Duration.ofSeconds(toleranceSeconds), sources, Clock.systemUTC());
    }

    public Duration tolerance() {
        return tolerance;
    }

    public boolean requires(String source) {
        return source != null && requiredBy.contains(source);
    }

    /**
     * Refuses an authentic request that is outside the window.
     *
     * @param source          the authenticated source
     * @param timestampHeader the {@value WebhookHeaders#TIMESTAMP} header as received, or null
     * @throws WebhookRejectedException 401 when the timestamp is required and absent, not Unix seconds, or too far
     *                                  from now
     */
    public void check(String source, String timestampHeader) {
        if (timestampHeader == null) {
            if (requires(source)) {
                throw new WebhookRejectedException(401, WebhookRejectedException.TIMESTAMP_REQUIRED,
                        "this source must send " + WebhookHeaders.TIMESTAMP + " (Unix seconds) and sign it with the body");
            }
            return;
        }
        String value = timestampHeader.strip();
        if (value.isEmpty() || value.length() > MAX_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new WebhookRejectedException(401, WebhookRejectedException.TIMESTAMP_OUTSIDE_WINDOW,
                    WebhookHeaders.TIMESTAMP + " must be the request's time in Unix seconds");
        }
        long distance = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(value));
        if (distance > tolerance.toSeconds()) {
            throw new WebhookRejectedException(401, WebhookRejectedException.TIMESTAMP_OUTSIDE_WINDOW,
                    WebhookHeaders.TIMESTAMP + " is " + distance + " s away from the server's clock; at most "
                            + tolerance.toSeconds() + " s are accepted, so a captured request cannot be replayed later");
        }
    }
}
