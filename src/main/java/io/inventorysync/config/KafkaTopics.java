package io.inventorysync.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pack's topics when missing, before any route starts: the events topic needs its partition count
 * (per-SKU order, parallelism across SKUs), which broker auto-creation would not give it.
 */
public final class KafkaTopics {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);

    private KafkaTopics() {
    }

    public static void ensure(String brokers, InventorySyncProperties.Topics topics, short replication) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            Set<String> existing = admin.listTopics().names().get();
            for (NewTopic topic : List.of(new NewTopic(topics.getEvents(), topics.getPartitions(), replication),
                    new NewTopic(topics.getDeadLetters(), 1, replication))) {
                if (!existing.contains(topic.name())) {
                    try {
                        admin.createTopics(List.of(topic)).all().get();
                        LOG.info("Created topic {} with {} partition(s)", topic.name(), topic.numPartitions());
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create Kafka topics on " + brokers + ": " + e.getCause().getMessage(), e);
        }
    }
}
