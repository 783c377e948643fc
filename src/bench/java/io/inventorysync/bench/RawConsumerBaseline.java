package io.inventorysync.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The broker's own limit on this machine: a bare consumer that reads every record as a string and does nothing
 * else. Same poll size as the ledger route, a fresh group, from the beginning; the clock includes joining the group.
 */
final class RawConsumerBaseline {

    private RawConsumerBaseline() {
    }

    /** @return records per second */
    static double run(String bootstrap, String topic, long events, int maxPollRecords) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        long started = System.nanoTime();
        long read = 0;
        long bytes = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (read < events) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("raw consumer read only " + read + " of " + events + " records");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    bytes += r.value().length(); // touch the value so nothing is optimised away
                }
            }
        }
        double seconds = EventLoader.seconds(started);
        System.out.printf("raw consumer: %,d records (%,d chars of JSON) in %.2f s%n", read, bytes, seconds);
        return read / seconds;
    }
}
