package io.inventorysync.reconciliation;

import java.time.Duration;

/**
 * {@code inventory-sync.reconciliation.*}; a channel file can override the first two with its settings
 * {@code reconcileChunkSize} and {@code reconcileMaxDifferenceShare}. The schedule is the channel setting
 * {@code reconcileCron} (default every 4 hours), read by the {@code reconciliation} route template.
 */
public class ReconciliationSettings {

    /** Listings per page and per read-back call. */
    private int chunkSize = 200;
    /** A run whose differences exceed this share of the listings compared is held, not corrected. */
    private double maxDifferenceShare = 0.2;
    /**
     * How long a run waits between finding differences and correcting them. A sale made on the channel lowers its
     * quantity at once but reaches the ledger later (through the ERP); a listing whose ledger quantity moves within
     * this time is left to the dispatcher instead of being "corrected" back up for a moment.
     */
    private Duration settle = Duration.ofMinutes(1);
    /** A run still "running" after this long is taken to have died and no longer blocks a new one. */
    private Duration staleAfter = Duration.ofHours(6);
    /** How many of the largest differences GET /api/v1/reconciliations/{id} shows unless {@code ?top=} says. */
    private int reportTop = 20;

    public int getChunkSize() { return chunkSize; }
    public void setChunkSize(int chunkSize) { this.chunkSize = chunkSize; }
    public double getMaxDifferenceShare() { return maxDifferenceShare; }
    public void setMaxDifferenceShare(double maxDifferenceShare) { this.maxDifferenceShare = maxDifferenceShare; }
    public Duration getSettle() { return settle; }
    public void setSettle(Duration settle) { this.settle = settle; }
    public Duration getStaleAfter() { return staleAfter; }
    public void setStaleAfter(Duration staleAfter) { this.staleAfter = staleAfter; }
    public int getReportTop() { return reportTop; }
    public void setReportTop(int reportTop) { this.reportTop = reportTop; }
}
