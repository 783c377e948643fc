package io.inventorysync.supplier;

import java.util.List;

/**
 * A snapshot file read row by row: the well-formed rows, the rejected ones, and what its trailer said.
 *
 * @param rows         well-formed rows, in file order
 * @param rejected     rows that failed to parse
 * @param dataRows     every data row, well-formed or not (header and trailer excluded)
 * @param trailer      the trailer check's result
 * @param trailerRows  the row count the trailer declared, or null
 */
public record ParsedSnapshot(List<SupplierRow> rows, List<RejectedRow> rejected, int dataRows, Trailer trailer,
        Integer trailerRows) {

    public enum Trailer {
        /** The format has no trailer. */
        NOT_EXPECTED,
        /** The last line is the trailer. */
        PRESENT,
        /** The format has a trailer and the file does not end with it: most likely cut short. */
        MISSING
    }
}
