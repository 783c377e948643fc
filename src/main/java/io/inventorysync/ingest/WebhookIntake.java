package io.inventorysync.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.inventorysync.event.EventCodec;
import io.inventorysync.event.EventIdDeriver;
import io.inventorysync.event.EventValidator;
import io.inventorysync.event.FieldError;
import io.inventorysync.event.InventoryEvent;

/**
 * Everything the edge decides about one webhook request ({@code POST /api/v1/events}), in one place, free of any
 * HTTP framework: the caller passes the two headers and the raw body, and gets either the canonical events to
 * publish or a {@link WebhookRejectedException} carrying the status and body to answer with.
 * <p>
 * Checks, in this order, each cheaper than the next and none done for a request that failed an earlier one:
 * <ol>
 * <li>body larger than {@code maxBodyBytes}: 413 (the HTTP layer should cap the read too; this is the backstop);</li>
 * <li>unknown {@value WebhookHeaders#SOURCE}, missing or wrong {@value WebhookHeaders#SIGNATURE}: 401, the same
 * answer for all three so that a caller cannot probe which sources exist;</li>
 * <li>a signed {@value WebhookHeaders#TIMESTAMP} outside the replay window, or none from a source that must send
 * one: 401 ({@link WebhookReplayWindow});</li>
 * <li>not JSON, not an object or array, an empty array, more than {@code maxEventsPerRequest} events: 400;</li>
 * <li>any event breaking the contract: 400 listing every field error of every event, located as
 * {@code [i]/field} for an array body and {@code /field} for a single object. A batch is taken whole or not at
 * all, so that a source can simply fix and resend it.</li>
 * </ol>
 * The event's {@code source} is the authenticated header's: when absent it is filled in, when different the event
 * is refused, because a source holding one secret must not be able to speak for another. Events without
 * {@code event_id} get a derived one ({@link EventIdDeriver}), so a resent request carries the same ids.
 * <p>
 * Thread-safe; one instance serves all requests.
 */
public final class WebhookIntake {

    /** 1 MiB: about 4,000 typical events, well above {@link #DEFAULT_MAX_EVENTS_PER_REQUEST}. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_EVENTS_PER_REQUEST = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);

    private final WebhookSignatureVerifier verifier;
    private final WebhookReplayWindow replayWindow;
    private final int maxBodyBytes;
    private final int maxEventsPerRequest;
    private final EventValidator validator;
    private final EventIdDeriver idDeriver = new EventIdDeriver();
    private final EventCodec codec = new EventCodec();
    private final ObjectMapper strictJson = JsonMapper.builder()
            // {"quantity_change":-1,"quantity_change":5} means different things to different parsers: refuse it.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Keep 1.0000000000000000001 distinguishable from 1 when the schema asks for an integer.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** With the default limits. */
    public WebhookIntake(Map<String, String> secretsBySource) {
        this(secretsBySource, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_EVENTS_PER_REQUEST);
    }

    public WebhookIntake(Map<String, String> secretsBySource, int maxBodyBytes, int maxEventsPerRequest) {
        this(secretsBySource, maxBodyBytes, maxEventsPerRequest, new EventValidator());
    }

    /** Shares an {@link EventValidator} (loading the schema) with other users of the contract. */
    public WebhookIntake(Map<String, String> secretsBySource, int maxBodyBytes, int maxEventsPerRequest,
            EventValidator validator) {
        this(secretsBySource, WebhookReplayWindow.optional(), maxBodyBytes, maxEventsPerRequest, validator);
    }

    /** With a replay window other than the default (5 minutes, timestamps optional for every source). */
    public WebhookIntake(Map<String, String> secretsBySource, WebhookReplayWindow replayWindow, int maxBodyBytes,
            int maxEventsPerRequest, EventValidator validator) {
        this(new WebhookSignatureVerifier(requireSecrets(secretsBySource)), replayWindow, maxBodyBytes,
                maxEventsPerRequest, validator);
    }

    WebhookIntake(WebhookSignatureVerifier verifier, int maxBodyBytes, int maxEventsPerRequest,
            EventValidator validator) {
        this(verifier, WebhookReplayWindow.optional(), maxBodyBytes, maxEventsPerRequest, validator);
    }

    WebhookIntake(WebhookSignatureVerifier verifier, WebhookReplayWindow replayWindow, int maxBodyBytes,
            int maxEventsPerRequest, EventValidator validator) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        if (maxEventsPerRequest <= 0) {
            throw new IllegalArgumentException("maxEventsPerRequest must be positive, was " + maxEventsPerRequest);
        }
        this.verifier = verifier;
        this.replayWindow = java.util.Objects.requireNonNull(replayWindow, "replayWindow");
        this.maxBodyBytes = maxBodyBytes;
        this.maxEventsPerRequest = maxEventsPerRequest;
        this.validator = validator;
    }

    /**
     * For configuration that arrives as text, such as kamelet properties.
     *
     * @param secretsSpec {@code source=secret} pairs separated by commas, see {@link WebhookSecrets#parse}
     */
    public static WebhookIntake fromSpec(String secretsSpec, int maxBodyBytes, int maxEventsPerRequest) {
        return new WebhookIntake(WebhookSecrets.parse(secretsSpec), maxBodyBytes, maxEventsPerRequest);
    }

    /**
     * @param toleranceSeconds       replay window, see {@link WebhookReplayWindow#fromSpec}
     * @param timestampRequiredBy    sources that must send a signed timestamp, separated by commas
     */
    public static WebhookIntake fromSpec(String secretsSpec, int maxBodyBytes, int maxEventsPerRequest,
            long toleranceSeconds, String timestampRequiredBy) {
        return new WebhookIntake(WebhookSecrets.parse(secretsSpec),
                WebhookReplayWindow.fromSpec(toleranceSeconds, timestampRequiredBy), maxBodyBytes, maxEventsPerRequest,
                new EventValidator());
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public int maxEventsPerRequest() {
        return maxEventsPerRequest;
    }

    /**
     * Decides one request.
     *
     * @param source          the {@value WebhookHeaders#SOURCE} header, or null if absent
     * @param signatureHeader the {@value WebhookHeaders#SIGNATURE} header, or null if absent
     * @param body            the raw body bytes, exactly as received (the signature covers these bytes)
     * @return the accepted events in request order, each with an {@code event_id} and its {@code source}
     * @throws WebhookRejectedException with status 413, 401 or 400 when the request is refused
     */
    public List<InventoryEvent> accept(String source, String signatureHeader, byte[] body) {
        return accept(source, signatureHeader, null, body);
    }

    /**
     * Decides one request that may carry a signed timestamp.
     *
     * @param timestampHeader the {@value WebhookHeaders#TIMESTAMP} header, or null if absent
     * @throws WebhookRejectedException with status 413, 401 or 400 when the request is refused
     */
    public List<InventoryEvent> accept(String source, String signatureHeader, String timestampHeader, byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        if (raw.length > maxBodyBytes) {
            throw new WebhookRejectedException(413, WebhookRejectedException.PAYLOAD_TOO_LARGE,
                    "the body is " + raw.length + " bytes; at most " + maxBodyBytes + " are accepted");
        }
        if (!verifier.isAuthentic(source, signatureHeader, timestampHeader, raw)) {
            LOG.warn("webhook refused with 401: {} (source header {})", whyNotAuthentic(source, signatureHeader),
                    printable(source));
            throw new WebhookRejectedException(401, WebhookRejectedException.UNAUTHORIZED,
                    "missing or invalid " + WebhookHeaders.SIGNATURE + " for the " + WebhookHeaders.SOURCE + " given");
        }
        try {
            replayWindow.check(source, timestampHeader);
        } catch (WebhookRejectedException outside) {
            LOG.warn("webhook from source {} refused with 401: {}", printable(source), outside.getMessage());
            throw outside;
        }
        JsonNode json = parse(raw);
        List<JsonNode> events = eventsOf(json);
        boolean batch = json.isArray();

        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            for (FieldError error : check(events.get(i), source)) {
                errors.add(batch ? error.inBatchElement(i) : error);
            }
        }
        if (!errors.isEmpty()) {
            throw new WebhookRejectedException(400, WebhookRejectedException.INVALID_EVENT, errors);
        }
        List<InventoryEvent> accepted = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            try {
                accepted.add(idDeriver.withIdIfAbsent(codec.fromTree(events.get(i))));
            } catch (IllegalArgumentException notAnEvent) {
                // the validator should have said why; a request is never answered with a 500 for its content
                FieldError error = new FieldError("", notAnEvent.getMessage());
                throw new WebhookRejectedException(400, WebhookRejectedException.INVALID_EVENT,
                        List.of(batch ? error.inBatchElement(i) : error));
            }
        }
        return List.copyOf(accepted);
    }

    private JsonNode parse(byte[] raw) {
        requireUtf8(raw);
        JsonNode json;
        try {
            json = strictJson.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new WebhookRejectedException(400, WebhookRejectedException.MALFORMED_JSON,
                    "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new WebhookRejectedException(400, WebhookRejectedException.MALFORMED_JSON,
                    "the body is not valid JSON");
        }
        if (json == null || json.isMissingNode()) {
            throw new WebhookRejectedException(400, WebhookRejectedException.MALFORMED_JSON, "the body is empty");
        }
        return json;
    }

    /**
     * JSON is UTF-8 (RFC 8259). The JSON parser lets overlong forms and encoded surrogates through (an overlong
     * {@code /} would become part of a SKU), so the bytes are decoded strictly first.
     */
    private static void requireUtf8(byte[] raw) {
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(raw));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new WebhookRejectedException(400, WebhookRejectedException.MALFORMED_JSON,
                    "the body is not valid UTF-8 (" + e.getMessage() + ")");
        }
    }

    private List<JsonNode> eventsOf(JsonNode json) {
        if (json.isObject()) {
            return List.of(json);
        }
        if (!json.isArray()) {
            throw new WebhookRejectedException(400, WebhookRejectedException.NOT_AN_EVENT,
                    "the body must be an event object or an array of event objects");
        }
        if (json.isEmpty()) {
            throw new WebhookRejectedException(400, WebhookRejectedException.EMPTY_BATCH,
                    "the body is an empty array; send at least one event");
        }
        if (json.size() > maxEventsPerRequest) {
            throw new WebhookRejectedException(400, WebhookRejectedException.TOO_MANY_EVENTS,
                    "the body holds " + json.size() + " events; at most " + maxEventsPerRequest
                            + " are accepted per request");
        }
        List<JsonNode> events = new ArrayList<>(json.size());
        json.forEach(events::add);
        return events;
    }

    /** Contract errors of one event, after giving it the authenticated source when it names none. */
    private List<FieldError> check(JsonNode event, String authenticatedSource) {
        List<FieldError> errors = new ArrayList<>();
        if (event instanceof ObjectNode object) {
            JsonNode named = object.get("source");
            if (named == null) {
                object.put("source", authenticatedSource);
            } else if (named.isTextual() && !named.textValue().equals(authenticatedSource)) {
                errors.add(new FieldError("/source", "must be " + authenticatedSource + " (the authenticated "
                        + WebhookHeaders.SOURCE + "), or be left out"));
            }
        }
        errors.addAll(validator.validate(event));
        return errors;
    }

    private String whyNotAuthentic(String source, String signatureHeader) {
        if (!verifier.knowsSource(source)) {
            return source == null ? "no " + WebhookHeaders.SOURCE + " header" : "unknown source";
        }
        return signatureHeader == null ? "no " + WebhookHeaders.SIGNATURE + " header"
                : "signature does not match the body under this source's secret";
    }

    /** The header as it may appear in a log line: attacker-controlled, so no control characters and short. */
    private static String printable(String header) {
        if (header == null) {
            return "(absent)";
        }
        String shown = header.length() > 64 ? header.substring(0, 64) + "..." : header;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    private static Map<String, String> requireSecrets(Map<String, String> secretsBySource) {
        if (secretsBySource == null || secretsBySource.isEmpty()) {
            throw new IllegalArgumentException("no webhook secrets configured: every request would be refused");
        }
        secretsBySource.forEach((source, secret) -> {
            if (source == null || source.isBlank() || secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("webhook source names and secrets must not be empty");
            }
        });
        return secretsBySource;
    }
}
