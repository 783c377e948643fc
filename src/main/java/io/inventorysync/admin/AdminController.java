package io.inventorysync.admin;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.inventorysync.deadletter.DeadLetterGroup;
import io.inventorysync.deadletter.DeadLetterIndex;
import io.inventorysync.deadletter.DeadLetterReplayer;
import io.inventorysync.deadletter.StoredDeadLetter;
import io.inventorysync.event.PrintableText;
import io.inventorysync.mapping.SkuMappings;

/** Admin API (bearer token): list and replay dead letters, reload SKU mappings. See the OpenAPI document. */
@RestController
@RequestMapping("/api/v1")
public class AdminController {

    private final DeadLetterIndex index;
    private final DeadLetterReplayer replayer;
    private final SkuMappings mappings;

    public AdminController(DeadLetterIndex index, DeadLetterReplayer replayer, SkuMappings mappings) {
        this.index = index;
        this.replayer = replayer;
        this.mappings = mappings;
    }

    @GetMapping("/dead-letters")
    public Map<String, List<StoredDeadLetter>> deadLetters(@RequestParam(required = false) String stage,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean includeReplayed,
            @RequestParam(defaultValue = "100") int limit) {
        return Map.of("dead_letters", index.list(stage, reason, includeReplayed, Math.min(Math.max(limit, 1), 1000), false));
    }

    @GetMapping("/dead-letters/summary")
    public Map<String, List<DeadLetterGroup>> deadLetterSummary() {
        return Map.of("groups", index.unreplayedByReason());
    }

    /** Body: {@code {"ids": [...]}} for chosen records, or {@code {"stage": ..., "reason": ...}} for all unreplayed matches. */
    @PostMapping("/dead-letters/replay")
    public ResponseEntity<Object> replay(@RequestBody ReplayRequest request) {
        boolean printable = PrintableText.isPrintable(request.stage())
                && PrintableText.isPrintable(request.reason())
                && (request.ids() == null || request.ids().stream().allMatch(PrintableText::isPrintable));
        if (!printable) {
            return ResponseEntity.badRequest().body(Map.of("status", 400,
                    "error", "ids, stage and reason must not contain control characters"));
        }
        List<StoredDeadLetter> selected;
        if (request.ids() != null && !request.ids().isEmpty()) {
            selected = index.byIds(request.ids());
        } else if (request.reason() != null || request.stage() != null) {
            selected = index.list(request.stage(), request.reason(), false, 10_000, true);
        } else {
            return ResponseEntity.badRequest().body(Map.of("status", 400,
                    "error", "select dead letters with 'ids' or with 'stage'/'reason'"));
        }
        return ResponseEntity.ok(replayer.replay(selected));
    }

    @PostMapping("/mappings/reload")
    public Map<String, Object> reloadMappings() {
        return Map.of("mappings", mappings.reload());
    }

    public record ReplayRequest(List<String> ids, String stage, String reason) {
    }
}
