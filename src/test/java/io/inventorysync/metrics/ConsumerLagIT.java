package io.inventorysync.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.inventorysync.support.TestStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Consumer lag read from the real in-process broker: end offsets, committed offsets, never-committed partitions. */
class ConsumerLagIT {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String topic = "lag-it-" + run;
    final String group = "lag-it-group-" + run;
    Admin admin;

    @BeforeEach
    void setUp() throws Exception {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers()));
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }

    @AfterEach
    void tearDown() {
        admin.close();
    }

    private void produce(int partition, int records) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, partition, "k" + i, "v" + i)).get();
            }
        }
    }

    private void commit(int partition, long offset) throws Exception {
        admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, partition), new OffsetAndMetadata(offset)))
                .all().get();
    }

    @Test
    void lagIsEndOffsetMinusCommittedOffsetSummedOverPartitions() throws Exception {
        produce(0, 7);
        produce(1, 4);
        commit(0, 5);
        commit(1, 4);

        assertThat(ConsumerLag.perPartition(admin, group, List.of(topic), TIMEOUT)).containsExactlyInAnyOrderEntriesOf(Map.of(
                new TopicPartition(topic, 0), 2L, new TopicPartition(topic, 1), 0L));
        assertThat(ConsumerLag.perTopic(admin, group, List.of(topic), TIMEOUT)).containsExactlyEntriesOf(Map.of(topic, 2L));
    }

    @Test
    void aPartitionTheGroupNeverCommittedCountsFromTheLogStart() throws Exception {
        produce(0, 3);
        produce(1, 6);
        commit(0, 3);

        assertThat(ConsumerLag.perTopic(admin, group, List.of(topic), TIMEOUT)).containsExactlyEntriesOf(Map.of(topic, 6L));
        // a group that never ran has the whole topic to read
        assertThat(ConsumerLag.perTopic(admin, "never-ran-" + run, List.of(topic), TIMEOUT))
                .containsExactlyEntriesOf(Map.of(topic, 9L));
    }

    @Test
    void gaugeShowsTheLastReadingAndNaNWhenTheBrokerCannotBeRead() throws Exception {
        produce(1, 5);
        commit(1, 1);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ConsumerLagGauges gauges = new ConsumerLagGauges(() -> Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers())),
                meters, group, List.of(topic), Duration.ofMinutes(1), TIMEOUT);
        var gauge = meters.get(ConsumerLagGauges.NAME).tag("group", group).tag("topic", topic).gauge();
        assertThat(gauge.value()).isNaN();

        gauges.refresh();
        assertThat(gauge.value()).isEqualTo(4.0);
        commit(1, 5);
        gauges.refresh();
        assertThat(gauge.value()).isZero();
        gauges.stop();

        ConsumerLagGauges unreachable = new ConsumerLagGauges(() -> Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000)),
                meters, "unreachable-" + run, List.of(topic), Duration.ofMinutes(1), Duration.ofSeconds(2));
        unreachable.refresh();
        assertThat(meters.get(ConsumerLagGauges.NAME).tag("group", "unreachable-" + run).gauge().value()).isNaN();
        unreachable.stop();
    }
}
