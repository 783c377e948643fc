package io.inventorysync.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The broker hop alone at the same offered load: a durable producer ({@code acks=all}, idempotent, like the
 * webhook's) and a bare consumer in this JVM; latency from {@code send()} to the consumer holding the record.
 * The pipeline makes this hop once, so its figures are a floor under the pipeline's.
 */
final class KafkaHopBaseline {

    private KafkaHopBaseline() {
    }

    static Percentiles run(String bootstrap, String topic, double perSecond, double seconds) throws InterruptedException {
        int total = (int) (perSecond * seconds);
        long[] sentAt = new long[total];
        long[] latency = new long[total];
        AtomicInteger received = new AtomicInteger();
        AtomicBoolean assigned = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        Thread consumerThread = new Thread(() -> consume(bootstrap, topic, sentAt, latency, received, assigned, stop),
                "bench-kafka-hop-consumer");
        consumerThread.start();
        long waitUntil = System.nanoTime() + 30_000_000_000L;
        while (!assigned.get() && System.nanoTime() < waitUntil) {
            Thread.sleep(50);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        Pacer pacer = new Pacer(perSecond);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < total; i++) {
                pacer.await(i);
                sentAt[i] = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "SKU-" + (i % 1000), Integer.toString(i)));
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (received.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        stop.set(true);
        consumerThread.join(5_000);
        return Percentiles.ofNanos(latency, received.get());
    }

    private static void consume(String bootstrap, String topic, long[] sentAt, long[] latency, AtomicInteger received,
            AtomicBoolean assigned, AtomicBoolean stop) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-hop-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            while (!stop.get()) {
                var records = consumer.poll(Duration.ofMillis(200));
                long now = System.nanoTime();
                if (!consumer.assignment().isEmpty()) {
                    if (!assigned.get()) {
                        consumer.seekToEnd(consumer.assignment());
                        consumer.position(consumer.assignment().iterator().next());
                        assigned.set(true);
                    }
                }
                for (ConsumerRecord<String, String> r : records) {
                    int i = Integer.parseInt(r.value());
                    latency[received.getAndIncrement()] = now - sentAt[i];
                }
            }
        }
    }
}
