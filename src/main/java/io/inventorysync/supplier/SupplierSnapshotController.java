package io.inventorysync.supplier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.inventorysync.supplier.SnapshotDecisions.Decision;

/**
 * Admin API of the supplier feeds (bearer token, like the rest of the admin API): list snapshots, download a
 * stored file, approve (apply) or dismiss a quarantined snapshot.
 */
@RestController
@RequestMapping("/api/v1/supplier-snapshots")
public class SupplierSnapshotController {

    private static final Set<String> STATUSES = Set.of(StoredSnapshot.APPLIED, StoredSnapshot.QUARANTINED,
            StoredSnapshot.REJECTED, StoredSnapshot.STALE);

    private final SupplierSnapshotStore store;
    private final SnapshotDecisions decisions;

    public SupplierSnapshotController(SupplierSnapshotStore store, SnapshotDecisions decisions) {
        this.store = store;
        this.decisions = decisions;
    }

    @GetMapping
    public ResponseEntity<Map<String, Object>> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String supplier, @RequestParam(defaultValue = "100") int limit) {
        if (status != null && !STATUSES.contains(status)) {
            return error(HttpStatus.BAD_REQUEST, "status must be one of " + STATUSES);
        }
        List<StoredSnapshot> snapshots = store.list(status, supplier, Math.min(Math.max(limit, 1), 1000));
        return ResponseEntity.ok(Map.of("snapshots", snapshots));
    }

    @GetMapping("/{id}")
    public ResponseEntity<Object> one(@PathVariable long id) {
        return store.find(id).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", 404,
                        "error", "no supplier snapshot " + id)));
    }

    @GetMapping("/{id}/file")
    public ResponseEntity<byte[]> file(@PathVariable long id) {
        return store.content(id).map(content -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"supplier-snapshot-" + id + ".csv\"").body(content))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @PostMapping("/{id}/approve")
    public ResponseEntity<Map<String, Object>> approve(@PathVariable long id) {
        return answer(decisions.approve(id));
    }

    @PostMapping("/{id}/dismiss")
    public ResponseEntity<Map<String, Object>> dismiss(@PathVariable long id) {
        return answer(decisions.dismiss(id));
    }

    private static ResponseEntity<Map<String, Object>> answer(Decision decision) {
        return switch (decision.kind()) {
            case DONE -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("snapshot", decision.snapshot());
                body.put("events", decision.events());
                yield ResponseEntity.ok(body);
            }
            case NOT_FOUND -> error(HttpStatus.NOT_FOUND, decision.error());
            case CONFLICT, BUSY -> error(HttpStatus.CONFLICT, decision.error());
            case UNREADABLE -> error(HttpStatus.UNPROCESSABLE_ENTITY, decision.error());
        };
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", message));
    }
}
