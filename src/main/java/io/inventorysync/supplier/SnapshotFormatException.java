package io.inventorysync.supplier;

/** A file that cannot be read as this supplier's CSV at all (wrong header, broken quoting): it is quarantined whole. */
public class SnapshotFormatException extends RuntimeException {

    private final String reason;

    public SnapshotFormatException(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    /** Machine-readable: {@code header-invalid} or {@code csv-malformed}. */
    public String reason() {
        return reason;
    }
}
