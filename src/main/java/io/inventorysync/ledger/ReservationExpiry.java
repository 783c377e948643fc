package io.inventorysync.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultMessage;
import org.springframework.jdbc.core.JdbcTemplate;

import io.inventorysync.event.EventCodec;
import io.inventorysync.event.EventIdDeriver;
import io.inventorysync.event.EventType;
import io.inventorysync.event.EventsReceived;
import io.inventorysync.event.InventoryEvent;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Releases lapsed holds the same way a checkout that was abandoned would: it emits an {@code inventory.release}
 * per lapsed reservation onto the events topic (the route sends the messages it leaves in the body), so the
 * ledger applies it in order with everything else for that SKU. The event is stamped with the hold's expiry
 * and its id is derived from its content, so every instance, and every run until the ledger has applied it,
 * emits the same event, applied once.
 */
public class ReservationExpiry implements Processor {

    public static final String SOURCE = "reservation-expiry";

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final int batchSize;
    private final EventCodec codec = new EventCodec();
    private final EventIdDeriver ids = new EventIdDeriver();

    public ReservationExpiry(JdbcTemplate jdbc, MeterRegistry meters, int batchSize) {
        this.jdbc = jdbc;
        this.meters = meters;
        this.batchSize = batchSize;
        meters.gauge("inventory.reservations.active", jdbc,
                j -> j.queryForObject("SELECT count(*) FROM reservation", Long.class));
    }

    public List<InventoryEvent> lapsedReleases(Instant now) {
        return jdbc.query("""
                SELECT sku, location_id, order_id, quantity, expires_at FROM reservation
                WHERE expires_at <= ? ORDER BY expires_at LIMIT ?""",
                (rs, i) -> ids.withIdIfAbsent(new InventoryEvent(null, EventType.RELEASE, rs.getString(1), rs.getString(2),
                        null, (int) rs.getLong(4), null, rs.getString(3), rs.getTimestamp(5).toInstant(), SOURCE)),
                Timestamp.from(now), batchSize);
    }

    @Override
    public void process(Exchange exchange) {
        List<Message> records = new ArrayList<>();
        for (InventoryEvent release : lapsedReleases(Instant.now())) {
            Message record = new DefaultMessage(exchange.getContext());
            record.setBody(new String(codec.toJson(release), StandardCharsets.UTF_8));
            record.setHeader("kafka.KEY", release.sku());
            records.add(record);
        }
        meters.counter("inventory.reservations.expired").increment(records.size());
        EventsReceived.count(meters, SOURCE, EventType.RELEASE, records.size());
        exchange.getMessage().setBody(records);
    }
}
