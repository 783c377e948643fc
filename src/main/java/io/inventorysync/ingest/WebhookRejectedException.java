package io.inventorysync.ingest;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.inventorysync.event.FieldError;

/**
 * A webhook request the edge refuses, with the HTTP status and the body to answer it with.
 * <p>
 * {@link #toJson()} renders {@code {"status":400,"error":"invalid-event","message":"...","errors":[{"field":
 * "[0]/quantity_change","message":"..."}]}}; {@code errors} is empty except for {@value #INVALID_EVENT}.
 */
public class WebhookRejectedException extends RuntimeException {

    /** 413: the body is larger than the configured maximum. */
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    /** 401: unknown source, or missing or wrong signature (deliberately not told apart). */
    public static final String UNAUTHORIZED = "unauthorized";
    /** 401: the signed {@value WebhookHeaders#TIMESTAMP} is not Unix seconds or outside the replay window. */
    public static final String TIMESTAMP_OUTSIDE_WINDOW = "timestamp-outside-window";
    /** 401: the source must send a signed {@value WebhookHeaders#TIMESTAMP} and did not. */
    public static final String TIMESTAMP_REQUIRED = "timestamp-required";
    /** 400: the body is not JSON. */
    public static final String MALFORMED_JSON = "malformed-json";
    /** 400: the JSON is neither an event object nor an array of them. */
    public static final String NOT_AN_EVENT = "not-an-event";
    /** 400: an empty array. */
    public static final String EMPTY_BATCH = "empty-batch";
    /** 400: more events than the configured maximum per request. */
    public static final String TOO_MANY_EVENTS = "too-many-events";
    /** 400: one or more events break the contract; {@link #errors()} lists every violation. */
    public static final String INVALID_EVENT = "invalid-event";

    private final int httpStatus;
    private final String reason;
    private final List<FieldError> errors;

    /**
     * @param httpStatus the status to answer with
     * @param reason     machine-readable code, one of the constants of this class
     * @param errors     field errors (may be empty)
     */
    public WebhookRejectedException(int httpStatus, String reason, List<FieldError> errors) {
        this(httpStatus, reason, describe(reason, errors), errors);
    }

    public WebhookRejectedException(int httpStatus, String reason, String message) {
        this(httpStatus, reason, message, List.of());
    }

    private WebhookRejectedException(int httpStatus, String reason, String message, List<FieldError> errors) {
        // No stack trace: a rejection is an answer, not a fault, and a flood of bad requests should stay cheap.
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.errors = List.copyOf(errors);
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Machine-readable code, e.g. {@value #INVALID_EVENT}; the {@code error} member of {@link #toJson()}. */
    public String reason() {
        return reason;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The response body. */
    public String toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("status", httpStatus);
        body.put("error", reason);
        body.put("message", getMessage());
        ArrayNode list = body.putArray("errors");
        for (FieldError error : errors) {
            list.addObject().put("field", error.field()).put("message", error.message());
        }
        return body.toString();
    }

    private static String describe(String reason, List<FieldError> errors) {
        if (errors.isEmpty()) {
            return reason;
        }
        return errors.size() == 1 ? "1 field error" : errors.size() + " field errors";
    }
}
