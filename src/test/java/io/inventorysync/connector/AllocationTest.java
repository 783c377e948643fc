package io.inventorysync.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AllocationTest {

    @Test
    void bufferIsHeldBackThenPercentageThenCap() {
        Allocation allocation = new Allocation(2, 50, 30L);

        assertThat(allocation.sellable(12)).isEqualTo(5);
        assertThat(allocation.sellable(102)).isEqualTo(30);
    }

    @Test
    void sellableNeverGoesBelowZero() {
        Allocation allocation = new Allocation(5, 100, null);

        assertThat(allocation.sellable(3)).isZero();
        assertThat(allocation.sellable(-10)).isZero();
    }

    @Test
    void percentageOutsideZeroToHundredIsRejected() {
        assertThatThrownBy(() -> new Allocation(0, 120, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
