package io.inventorysync.channel.control;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Admin API (bearer token) of the channel controls. Each change answers the channel's controls as they are now; the
 * optional {@code reason} query parameter and {@code X-Inventory-Operator} header go to the audit record.
 * See the OpenAPI document.
 */
@RestController
@RequestMapping("/api/v1/channels/{channel}")
public class ChannelControlController {

    static final String OPERATOR_HEADER = "X-Inventory-Operator";
    private static final String DEFAULT_OPERATOR = "admin";
    private static final int MAX_TEXT = 500;

    private final ChannelControls controls;

    public ChannelControlController(ChannelControls controls) {
        this.controls = controls;
    }

    @GetMapping("/controls")
    public ChannelControlState controls(@PathVariable String channel) {
        return controls.state(channel);
    }

    @PostMapping("/pause")
    public ChannelControlState pause(@PathVariable String channel, @RequestParam(required = false) String reason,
            @RequestHeader(name = OPERATOR_HEADER, required = false) String operator) {
        controls.pause(channel, actor(operator), text(reason));
        return controls.state(channel);
    }

    @PostMapping("/resume")
    public ChannelControlState resume(@PathVariable String channel, @RequestParam(required = false) String reason,
            @RequestHeader(name = OPERATOR_HEADER, required = false) String operator) {
        controls.resume(channel, actor(operator), text(reason));
        return controls.state(channel);
    }

    /** Body {@code {"enabled": true|false}}. */
    @PutMapping("/shadow")
    public ChannelControlState shadow(@PathVariable String channel, @RequestBody(required = false) JsonNode body,
            @RequestParam(required = false) String reason,
            @RequestHeader(name = OPERATOR_HEADER, required = false) String operator) {
        JsonNode enabled = body == null ? null : body.get("enabled");
        if (enabled == null || !enabled.isBoolean()) {
            throw new IllegalArgumentException("body must be {\"enabled\": true} or {\"enabled\": false}");
        }
        controls.shadow(channel, enabled.asBoolean(), actor(operator), text(reason));
        return controls.state(channel);
    }

    /** Body {@code {"below": n}}: listings showing fewer than n units are published as 0. */
    @PostMapping("/limited-availability")
    public ChannelControlState engage(@PathVariable String channel, @RequestBody(required = false) JsonNode body,
            @RequestParam(required = false) String reason,
            @RequestHeader(name = OPERATOR_HEADER, required = false) String operator) {
        controls.engage(channel, positiveInt(body, "below", 1), actor(operator), text(reason));
        return controls.state(channel);
    }

    @DeleteMapping("/limited-availability")
    public ChannelControlState lift(@PathVariable String channel, @RequestParam(required = false) String reason,
            @RequestHeader(name = OPERATOR_HEADER, required = false) String operator) {
        controls.lift(channel, actor(operator), text(reason));
        return controls.state(channel);
    }

    @PutMapping("/skus/{sku}/pause")
    public ChannelControlState pauseSku(@PathVariable String channel, @PathVariable String sku,
            @RequestParam(required = false) String reason,
            @RequestHeader(name = OPERATOR_HEADER, required = false) String operator) {
        controls.pauseSku(channel, sku, actor(operator), text(reason));
        return controls.state(channel);
    }

    @DeleteMapping("/skus/{sku}/pause")
    public ChannelControlState resumeSku(@PathVariable String channel, @PathVariable String sku,
            @RequestParam(required = false) String reason,
            @RequestHeader(name = OPERATOR_HEADER, required = false) String operator) {
        controls.resumeSku(channel, sku, actor(operator), text(reason));
        return controls.state(channel);
    }

    /** Body {@code {"units": n}}: n units of the SKU are held back from the channel. */
    @PutMapping("/skus/{sku}/buffer")
    public ChannelControlState bufferSku(@PathVariable String channel, @PathVariable String sku,
            @RequestBody(required = false) JsonNode body, @RequestParam(required = false) String reason,
            @RequestHeader(name = OPERATOR_HEADER, required = false) String operator) {
        controls.bufferSku(channel, sku, positiveInt(body, "units", 0), actor(operator), text(reason));
        return controls.state(channel);
    }

    @DeleteMapping("/skus/{sku}/buffer")
    public ChannelControlState removeBuffer(@PathVariable String channel, @PathVariable String sku,
            @RequestParam(required = false) String reason,
            @RequestHeader(name = OPERATOR_HEADER, required = false) String operator) {
        controls.bufferSku(channel, sku, 0, actor(operator), text(reason));
        return controls.state(channel);
    }

    /** Wakes the channel's dispatchers and clears retry back-off; {@code full=true} re-pushes every listing. */
    @PostMapping("/sync")
    public ResponseEntity<Map<String, Object>> sync(@PathVariable String channel,
            @RequestParam(defaultValue = "false") boolean full, @RequestParam(required = false) String reason,
            @RequestHeader(name = OPERATOR_HEADER, required = false) String operator) {
        int due = controls.syncNow(channel, full, actor(operator), text(reason));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("full", full);
        body.put("listings_due", due);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    @ExceptionHandler({ UnknownChannelException.class, UnmappedSkuException.class })
    ResponseEntity<Map<String, Object>> notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "the body is not valid JSON");
    }

    private static int positiveInt(JsonNode body, String field, int minimum) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < minimum) {
            throw new IllegalArgumentException("body must be {\"" + field + "\": n} with a whole number n >= " + minimum);
        }
        return value.asInt();
    }

    private static String actor(String operator) {
        if (operator == null || operator.isBlank()) {
            return DEFAULT_OPERATOR;
        }
        if (operator.length() > 100) {
            throw new IllegalArgumentException(OPERATOR_HEADER + " must be at most 100 characters");
        }
        return operator.strip();
    }

    private static String text(String reason) {
        if (reason != null && reason.length() > MAX_TEXT) {
            throw new IllegalArgumentException("reason must be at most " + MAX_TEXT + " characters");
        }
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", message));
    }
}
