package io.inventorysync.connectors.amazon;

/**
 * The SP-API operations the connector calls, with the usage plan Amazon documents for each (token bucket: rate in
 * requests per second, burst = bucket size), from the models feeds_2021-06-30 and listingsItems_2021-08-01.
 */
public enum SpApiOperation {

    CREATE_FEED_DOCUMENT("createFeedDocument", 0.5, 15),
    CREATE_FEED("createFeed", 0.0083, 15),
    GET_FEED("getFeed", 2, 15),
    GET_FEED_DOCUMENT("getFeedDocument", 0.0222, 10),
    GET_LISTINGS_ITEM("getListingsItem", 5, 10);

    private final String operationId;
    private final double ratePerSecond;
    private final int burst;

    SpApiOperation(String operationId, double ratePerSecond, int burst) {
        this.operationId = operationId;
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
    }

    /** Amazon's name of the operation, e.g. {@code createFeedDocument}. */
    public String operationId() {
        return operationId;
    }

    /** Amazon's default rate (requests per second). */
    public double ratePerSecond() {
        return ratePerSecond;
    }

    /** Amazon's default burst. */
    public int burst() {
        return burst;
    }
}
