package io.inventorysync.reconciliation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin API (bearer token): start a reconciliation, list runs, apply a held run. See the OpenAPI document. */
@RestController
@RequestMapping("/api/v1/reconciliations")
public class ReconciliationController {

    private static final int MAX_TOP = 1000;

    private final Reconciliations reconciliations;
    private final ReconciliationStore store;
    private final ExecutorService runs;
    private final ReconciliationSettings settings;

    public ReconciliationController(Reconciliations reconciliations, ReconciliationStore store,
            ReconciliationExecutor runs, ReconciliationSettings settings) {
        this.reconciliations = reconciliations;
        this.store = store;
        this.runs = runs.executor();
        this.settings = settings;
    }

    /**
     * The report of one run: counts, discrepancy rate, duration, mode, the {@code top} largest differences; while it
     * runs, how far it got (updated after every chunk).
     */
    @GetMapping("/{id}")
    public ResponseEntity<Object> report(@PathVariable long id, @RequestParam(required = false) Integer top) {
        int shown = top == null ? settings.getReportTop() : top;
        if (shown < 1 || shown > MAX_TOP) {
            return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "top must be 1 to " + MAX_TOP));
        }
        return store.find(id, shown).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(Map.of("status", 404, "error", "no reconciliation " + id)));
    }

    @GetMapping
    public Map<String, List<ReconciliationRun>> list(@RequestParam(required = false) String channel,
            @RequestParam(defaultValue = "20") int limit) {
        return Map.of("reconciliations", store.list(channel, Math.min(Math.max(limit, 1), 500)));
    }

    /** Starts a run in the background and answers at once with its id: reading a large channel takes a while. */
    @PostMapping
    public ResponseEntity<Map<String, Object>> start(@RequestParam String channel) {
        long id;
        try {
            id = reconciliations.begin(channel, "admin");
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (ReconciliationAlreadyRunningException e) {
            return error(HttpStatus.CONFLICT, e.getMessage());
        }
        runs.execute(() -> reconciliations.execute(id, channel));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("channel", channel);
        body.put("status", ReconciliationRun.RUNNING);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    @PostMapping("/{id}/apply")
    public ResponseEntity<Object> apply(@PathVariable long id) {
        if (store.find(id).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", 404, "error", "no reconciliation " + id));
        }
        return reconciliations.apply(id).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT)
                        .body(Map.of("status", 409, "error", "reconciliation " + id + " is not held")));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", message));
    }
}
