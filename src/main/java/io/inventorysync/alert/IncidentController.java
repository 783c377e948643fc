package io.inventorysync.alert;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API (bearer token): incidents with their notifications, and acknowledging one. Acknowledging stops the
 * ladder's further steps; reminders on the media already reached go on (unless
 * {@code renotify-when-acknowledged=false}) and a protective action already engaged stays until the incident resolves.
 */
@RestController
@RequestMapping("/api/v1/incidents")
public class IncidentController {

    private static final int MAX_LIMIT = 500;

    private final IncidentStore store;
    private final AlertProperties properties;

    public IncidentController(IncidentStore store, AlertProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** Open incidents first (newest first), then the most recently resolved ones, up to {@code limit}. */
    @GetMapping
    public Map<String, List<IncidentView>> list(@RequestParam(required = false) Integer limit) {
        int resolved = Math.min(Math.max(limit == null ? properties.getListLimit() : limit, 0), MAX_LIMIT);
        return Map.of("incidents", store.list(resolved).stream()
                .map(incident -> IncidentView.of(incident, store.attempts(incident.id()))).toList());
    }

    @PostMapping("/{id}/acknowledge")
    public ResponseEntity<Object> acknowledge(@PathVariable long id,
            @RequestBody(required = false) AcknowledgeRequest request) {
        var incident = store.find(id);
        if (incident.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "no incident " + id);
        }
        if (incident.get().resolved()) {
            return error(HttpStatus.CONFLICT, "incident " + id + " is resolved");
        }
        String by = request == null || request.by() == null || request.by().isBlank() ? "admin" : request.by().strip();
        if (by.length() > 200) {
            return error(HttpStatus.BAD_REQUEST, "'by' is longer than 200 characters");
        }
        store.acknowledge(id, by); // false when acknowledged already: the first acknowledgement stands
        Incident now = store.find(id).orElseThrow();
        return ResponseEntity.ok(IncidentView.of(now, store.attempts(id)));
    }

    /** @param by who acknowledges, shown in reminders; "admin" when absent */
    public record AcknowledgeRequest(String by) {
    }

    private static ResponseEntity<Object> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", message));
    }
}
