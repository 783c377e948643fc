package io.inventorysync.supplier;

/**
 * Why a snapshot is held back instead of applied.
 *
 * @param reason machine-readable: {@code empty-file}, {@code too-few-rows}, {@code trailer-missing},
 *               {@code trailer-mismatch}, {@code mass-zeroing}, {@code header-invalid}, {@code csv-malformed}
 * @param detail for a person
 */
public record Quarantine(String reason, String detail) {
}
