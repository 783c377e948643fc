package io.inventorysync.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    private static final String TOPIC = "inventory.events";

    @TempDir
    Path dataDir;

    @Test
    void recordProducedWithAcksAllIsConsumedBackAndSurvivesARestartOnTheSameDirectory() throws Exception {
        RecordMetadata written;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
            broker.createTopic(TOPIC, 3);
            written = produce(broker.bootstrapServers(), "SKU-1", "{\"qty\":7}");

            assertThat(consumeAll(broker.bootstrapServers()))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(tuple("SKU-1", "{\"qty\":7}"));
        }

        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(dataDir, 0)) {
            List<ConsumerRecord<String, String>> afterRestart = consumeAll(restarted.bootstrapServers());

            assertThat(afterRestart).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("SKU-1");
                assertThat(record.value()).isEqualTo("{\"qty\":7}");
                assertThat(record.partition()).isEqualTo(written.partition());
                assertThat(record.offset()).isEqualTo(written.offset());
            });
            assertThat(partitionCount(restarted.bootstrapServers())).isEqualTo(3);
        }
    }

    @Test
    void createTopicLeavesAnExistingTopicAsItIs() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
            broker.createTopic(TOPIC, 3);
            broker.createTopic(TOPIC, 1);

            assertThat(partitionCount(broker.bootstrapServers())).isEqualTo(3);
        }
    }

    @Test
    void secondBrokerOnADirectoryInUseIsRefusedWithoutDisturbingTheFirst() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another embedded Kafka broker");

            broker.createTopic(TOPIC, 1);
            produce(broker.bootstrapServers(), "SKU-2", "{\"qty\":1}");
            assertThat(consumeAll(broker.bootstrapServers())).extracting(ConsumerRecord::key).containsExactly("SKU-2");
        }
    }

    private static RecordMetadata produce(String bootstrap, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            return producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    /** Reads the topic from the beginning with a fresh group until at least one record has arrived. */
    private static List<ConsumerRecord<String, String>> consumeAll(String bootstrap) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(Set.of(TOPIC));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
            // One more poll: a second, unexpected record would show up here and fail the exact assertions.
            consumer.poll(Duration.ofMillis(500)).forEach(received::add);
        }
        return received;
    }

    private static int partitionCount(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeTopics(Set.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().size();
        } catch (Exception e) {
            throw new AssertionError("Cannot describe " + TOPIC, e);
        }
    }
}
