package io.inventorysync.reconciliation;

/**
 * @param compared   listings read back and compared
 * @param unreadable listings skipped: unmapped, or the channel reported nothing for them
 * @param differences listings whose channel quantity differed
 */
public record ComparisonResult(int compared, int unreadable, int differences) {

    public double discrepancyRate() {
        return compared == 0 ? 0 : (double) differences / compared;
    }
}
