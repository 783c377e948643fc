package io.inventorysync.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

import io.inventorysync.deadletter.DeadLetterHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The ledger route's step: takes the list of exchanges a batching Kafka consumer delivers for one poll and
 * applies them in one transaction, then commits the offsets. A thrown exception fails the whole poll, so its
 * offsets are not committed and it is delivered again; the ledger's idempotency makes that safe.
 */
public class LedgerBatchProcessor implements Processor {

    private final LedgerService ledger;
    private final Timer offsetCommitTimer;

    public LedgerBatchProcessor(LedgerService ledger, MeterRegistry meters) {
        this.ledger = ledger;
        // synchronous, one per partition of the batch: a broker round trip each, outside the ledger's own phases
        this.offsetCommitTimer = Timer.builder("inventory.ledger.offsets.commit")
                .description("Time one ledger batch spends committing its partitions' offsets to Kafka").register(meters);
    }

    @Override
    public void process(Exchange exchange) {
        List<?> batch = exchange.getMessage().getBody(List.class);
        List<LedgerRecord> records = new ArrayList<>(batch.size());
        for (Object item : batch) {
            Exchange record = (Exchange) item;
            Object value = record.getMessage().getBody();
            String payload = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
            Object key = record.getMessage().getHeader(KafkaConstants.KEY);
            Object replay = record.getMessage().getHeader(DeadLetterHeaders.REPLAY);
            boolean isReplay = replay != null && "true".equals(replay instanceof byte[] b
                    ? new String(b, StandardCharsets.UTF_8) : replay.toString());
            records.add(new LedgerRecord(payload, key == null ? null : key.toString(), isReplay));
        }
        LedgerBatchResult result = ledger.apply(records);
        offsetCommitTimer.record(() -> commitOffsets(batch));
        exchange.getMessage().setBody(result);
    }

    /** Commits, per partition, the offset after the last record of the batch: the ledger has it durably now. */
    private static void commitOffsets(List<?> batch) {
        Map<Object, KafkaManualCommit> lastPerPartition = new LinkedHashMap<>();
        for (Object item : batch) {
            Message message = ((Exchange) item).getMessage();
            KafkaManualCommit commit = message.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
            if (commit != null) {
                lastPerPartition.put(message.getHeader(KafkaConstants.PARTITION), commit);
            }
        }
        lastPerPartition.values().forEach(KafkaManualCommit::commit);
    }
}
