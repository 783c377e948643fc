package io.inventorysync.metrics;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind, per topic: the sum over the topic's partitions of the end offset minus the
 * group's committed offset. The ledger commits only after its transaction, so this is exactly the events Kafka
 * has and the ledger has not yet made durable. A partition the group never committed counts from the log start
 * (the ledger reads from the earliest offset), so a group that never ran shows everything it has still to read.
 * Computed from the broker with the Admin API, so it is right from any instance even when the consumer is stuck
 * or down, which is when it matters.
 */
public final class ConsumerLag {

    private ConsumerLag() {
    }

    /** @return lag per topic, for every topic asked (topics that do not exist are absent) */
    public static Map<String, Long> perTopic(Admin admin, String group, Collection<String> topics, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Long> lag = new TreeMap<>();
        perPartition(admin, group, topics, timeout).forEach((tp, n) -> lag.merge(tp.topic(), n, Long::sum));
        return lag;
    }

    /** @return lag per partition of the topics asked */
    public static Map<TopicPartition, Long> perPartition(Admin admin, String group, Collection<String> topics,
            Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        long ms = timeout.toMillis();
        Map<String, TopicDescription> described = admin.describeTopics(List.copyOf(topics)).allTopicNames()
                .get(ms, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(ms, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        Map<TopicPartition, OffsetSpec> starts = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p -> {
            TopicPartition tp = new TopicPartition(d.name(), p.partition());
            ends.put(tp, OffsetSpec.latest());
            if (committed.get(tp) == null) {
                starts.put(tp, OffsetSpec.earliest());
            }
        }));
        Map<TopicPartition, ListOffsetsResultInfo> end = admin.listOffsets(ends).all().get(ms, TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> start = starts.isEmpty() ? Map.of()
                : admin.listOffsets(starts).all().get(ms, TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> lag = new HashMap<>();
        end.forEach((tp, info) -> {
            OffsetAndMetadata c = committed.get(tp);
            long from = c != null ? c.offset() : start.get(tp).offset();
            lag.put(tp, Math.max(0, info.offset() - from));
        });
        return lag;
    }
}
