package io.inventorysync.supplier;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inventorysync.deadletter.DeadLetter;
import io.inventorysync.deadletter.DeadLetterPublisher;

/**
 * Dead letters of the supplier feeds, stage {@value #STAGE}: one per quarantined snapshot (reason = the guard's,
 * payload = JSON naming the stored snapshot, with the file itself when it is at most {@value #INLINE_FILE_BYTES}
 * bytes) and one per rejected row ({@code row-invalid}, {@code sku-unmapped}; payload = JSON with the row).
 * They carry no origin topic and no channel: a quarantined snapshot is applied through
 * {@code POST /api/v1/supplier-snapshots/{id}/approve}, a rejected row by a corrected file or mapping.
 */
public class SupplierDeadLetters {

    public static final String STAGE = "supplier-feed";
    static final int INLINE_FILE_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeadLetterPublisher publisher;

    public SupplierDeadLetters(DeadLetterPublisher publisher) {
        this.publisher = publisher;
    }

    public void quarantined(String supplier, long snapshotId, String origin, Quarantine quarantine, byte[] content) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("supplier", supplier);
        payload.put("snapshot_id", snapshotId);
        payload.put("origin", origin);
        payload.put("reason", quarantine.reason());
        payload.put("size_bytes", content.length);
        payload.put("approve", "POST /api/v1/supplier-snapshots/" + snapshotId + "/approve");
        if (content.length <= INLINE_FILE_BYTES) {
            payload.put("file", new String(content, StandardCharsets.UTF_8));
        } else {
            payload.put("file_url", "/api/v1/supplier-snapshots/" + snapshotId + "/file");
        }
        publisher.publish(new DeadLetter(STAGE, quarantine.reason(), supplier + ": snapshot " + snapshotId
                + " quarantined, not applied: " + quarantine.detail(), null, supplier, null, json(payload)));
    }

    /** Publishes at most {@code max} of the rows; the others are only counted. */
    public int rejectedRows(String supplier, long snapshotId, String origin, List<RejectedRow> rows, int max) {
        int published = 0;
        for (RejectedRow row : rows) {
            if (published >= max) {
                break;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("supplier", supplier);
            payload.put("snapshot_id", snapshotId);
            payload.put("origin", origin);
            payload.put("row", row.row());
            payload.put("text", row.text());
            if (row.supplierSku() != null) {
                payload.put("supplier_sku", row.supplierSku());
            }
            publisher.publish(new DeadLetter(STAGE, row.reason(), supplier + ": " + row.detail(), null,
                    row.supplierSku() == null ? supplier : row.supplierSku(), null, json(payload)));
            published++;
        }
        return published;
    }

    private static String json(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
