package io.inventorysync.connector;

/**
 * What share of our stock a channel may sell: {@code min(max, floor((available - buffer) * percent / 100))},
 * never below 0.
 *
 * @param buffer  units held back from the channel (safety stock against overselling)
 * @param percent allocation percentage, 0..100
 * @param max     cap on the quantity shown, or null for none
 */
public record Allocation(long buffer, int percent, Long max) {

    public static final Allocation ALL = new Allocation(0, 100, null);

    public Allocation {
        if (buffer < 0 || percent < 0 || percent > 100 || (max != null && max < 0)) {
            throw new IllegalArgumentException("allocation needs buffer >= 0, 0 <= percent <= 100, max >= 0");
        }
    }

    public int sellable(long available) {
        long afterBuffer = available - buffer;
        if (afterBuffer <= 0) {
            return 0;
        }
        long allocated = afterBuffer * percent / 100;
        if (max != null) {
            allocated = Math.min(allocated, max);
        }
        return (int) Math.min(allocated, Integer.MAX_VALUE);
    }
}
