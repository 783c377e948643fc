package io.inventorysync.monitor;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin API (bearer token): the monitors of the jobs this instance runs, with their state and last runs. */
@RestController
@RequestMapping("/api/v1/monitors")
public class MonitorController {

    private final SyncJobMonitors monitors;

    public MonitorController(SyncJobMonitors monitors) {
        this.monitors = monitors;
    }

    @GetMapping
    public Map<String, List<MonitorView>> list() {
        return Map.of("monitors", monitors.records().stream()
                .map(r -> MonitorView.of(r, monitors.definition(r.id()).orElseThrow())).toList());
    }

    @GetMapping("/{id}")
    public ResponseEntity<Object> get(@PathVariable String id) {
        return monitors.record(id).<ResponseEntity<Object>>map(r ->
                ResponseEntity.ok(MonitorView.of(r, monitors.definition(id).orElseThrow())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(Map.of("status", 404, "error", "no monitor " + id)));
    }
}
