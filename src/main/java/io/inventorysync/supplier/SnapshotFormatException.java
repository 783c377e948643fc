package io.inventorysync.supplier;

/** A file that cannot be read as this supplier's CSV at all (wrong header, broken quoting): it is quarantined whole. */
public class SnapshotFormatException extends RuntimeException {

    private final String reason;

    public SnapshotFormatException(String reason, String detail) {
        // the detail quotes the file (its header, say), and is stored in PostgreSQL, which refuses NUL, and logged
        super(detail == null ? null : detail.replaceAll("\\p{Cntrl}", "?"));
        this.reason = reason;
    }

    /** Machine-readable: {@code header-invalid}, {@code csv-malformed} or {@code encoding-invalid}. */
    public String reason() {
        return reason;
    }
}
