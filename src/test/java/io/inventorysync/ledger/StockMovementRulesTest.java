package io.inventorysync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inventorysync.event.EventType;
import io.inventorysync.event.InventoryEvent;

class StockMovementRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-15T14:00:00Z");

    private final Map<String, StockPosition> positions = new HashMap<>();
    private final Reservations reservations = new Reservations();
    private final StockMovementRules rules = new StockMovementRules(
            (sku, location) -> positions.computeIfAbsent(location, l -> StockPosition.empty(sku, l)), reservations,
            java.time.Duration.ofMinutes(15));

    private static InventoryEvent event(EventType type, String location, Integer change, Integer count, String order,
            String destination, long secondsAfterT0) {
        return new InventoryEvent("e-" + type + secondsAfterT0, type, "SKU-1", location, destination, change, count,
                order, T0.plusSeconds(secondsAfterT0), "test");
    }

    private StockPosition at(String location) {
        return positions.get(location);
    }

    @Test
    void absoluteCountSetsOnHandAndDeltasMoveIt() {
        rules.apply(event(EventType.ADJUSTMENT, "WH", null, 100, null, null, 0));
        rules.apply(event(EventType.SALE, "WH", -3, null, "O1", null, 10));
        rules.apply(event(EventType.RETURN, "WH", 1, null, "O1", null, 20));
        rules.apply(event(EventType.RECEIVING, "WH", 50, null, null, null, 30));
        rules.apply(event(EventType.ADJUSTMENT, "WH", -2, null, null, null, 40));

        assertThat(at("WH").onHand()).isEqualTo(100 - 3 + 1 + 50 - 2);
    }

    @Test
    void deltaOlderThanLastAbsoluteIsNotAppliedAgain() {
        rules.apply(event(EventType.ADJUSTMENT, "WH", null, 100, null, null, 60));

        ApplyOutcome outcome = rules.apply(event(EventType.SALE, "WH", -5, null, null, null, 30));

        assertThat(outcome).isEqualTo(ApplyOutcome.SUPERSEDED);
        assertThat(at("WH").onHand()).isEqualTo(100);
    }

    @Test
    void absoluteOlderThanLastAbsoluteIsIgnored() {
        rules.apply(event(EventType.ADJUSTMENT, "WH", null, 100, null, null, 60));

        ApplyOutcome outcome = rules.apply(event(EventType.ADJUSTMENT, "WH", null, 7, null, null, 30));

        assertThat(outcome).isEqualTo(ApplyOutcome.STALE_ABSOLUTE);
        assertThat(at("WH").onHand()).isEqualTo(100);
    }

    @Test
    void reservationHoldsStockUntilReleasedOrSold() {
        rules.apply(event(EventType.ADJUSTMENT, "WH", null, 10, null, null, 0));
        rules.apply(event(EventType.RESERVE, "WH", -3, null, "O1", null, 1));
        rules.apply(event(EventType.RESERVE, "WH", -2, null, "O2", null, 2));
        assertThat(at("WH").available()).isEqualTo(5);

        rules.apply(event(EventType.RELEASE, "WH", 2, null, "O2", null, 3));
        rules.apply(event(EventType.SALE, "WH", -3, null, "O1", null, 4));

        assertThat(at("WH").reserved()).isZero();
        assertThat(at("WH").onHand()).isEqualTo(7);
        assertThat(at("WH").available()).isEqualTo(7);
    }

    @Test
    void reserveHoldsUntilItsTimePlusTheHoldTtlAndReleaseKeepsThatExpiry() {
        rules.apply(event(EventType.RESERVE, "WH", -3, null, "O1", null, 10));
        rules.apply(event(EventType.RELEASE, "WH", 1, null, "O1", null, 20));

        Reservations.Hold hold = reservations.changed().get(new Reservations.Key("SKU-1", "WH", "O1"));
        assertThat(hold.quantity()).isEqualTo(2);
        assertThat(hold.expiresAt()).isEqualTo(T0.plusSeconds(10).plus(java.time.Duration.ofMinutes(15)));
    }

    @Test
    void releaseCannotFreeMoreThanTheOrderHolds() {
        rules.apply(event(EventType.RESERVE, "WH", -2, null, "O1", null, 1));

        rules.apply(event(EventType.RELEASE, "WH", 5, null, "O1", null, 2));
        ApplyOutcome second = rules.apply(event(EventType.RELEASE, "WH", 1, null, "O1", null, 3));

        assertThat(at("WH").reserved()).isZero();
        assertThat(second).isEqualTo(ApplyOutcome.NOTHING_HELD);
    }

    @Test
    void supersededSaleStillEndsItsReservation() {
        rules.apply(event(EventType.RESERVE, "WH", -2, null, "O1", null, 1));
        rules.apply(event(EventType.ADJUSTMENT, "WH", null, 20, null, null, 10));

        ApplyOutcome outcome = rules.apply(event(EventType.SALE, "WH", -2, null, "O1", null, 5));

        assertThat(outcome).isEqualTo(ApplyOutcome.SUPERSEDED);
        assertThat(at("WH").onHand()).isEqualTo(20);
        assertThat(at("WH").reserved()).isZero();
    }

    @Test
    void transferMovesStockBetweenLocations() {
        rules.apply(event(EventType.ADJUSTMENT, "WH", null, 10, null, null, 0));

        rules.apply(event(EventType.TRANSFER, "WH", -4, null, null, "STORE", 1));

        assertThat(at("WH").onHand()).isEqualTo(6);
        assertThat(at("STORE").onHand()).isEqualTo(4);
    }

    @Test
    void transferSideCoveredByANewerCountIsNotMovedTwice() {
        rules.apply(event(EventType.ADJUSTMENT, "WH", null, 10, null, null, 0));
        rules.apply(event(EventType.ADJUSTMENT, "STORE", null, 4, null, null, 20));

        rules.apply(event(EventType.TRANSFER, "WH", -4, null, null, "STORE", 10));

        assertThat(at("WH").onHand()).isEqualTo(6);
        assertThat(at("STORE").onHand()).isEqualTo(4);
    }

    @Test
    void negativePositionIsFlaggedNotClamped() {
        rules.apply(event(EventType.ADJUSTMENT, "WH", null, 1, null, null, 0));
        rules.apply(event(EventType.SALE, "WH", -3, null, null, null, 1));

        assertThat(at("WH").available()).isEqualTo(-2);
        assertThat(at("WH").refreshNegative(Instant.now())).isTrue();
        assertThat(at("WH").refreshNegative(Instant.now())).isFalse();
    }
}
