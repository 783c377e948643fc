package io.inventorysync.deadletter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inventorysync.channel.ListingStore;

/**
 * Re-drives dead letters. A record that came from a topic is re-published there with its key and a replay
 * header (the ledger de-duplicates the movement but recomputes what channels show, so a SKU mapped since is
 * pushed now). A rejected push is re-queued by bumping its listing's desired version.
 */
public class DeadLetterReplayer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeadLetterIndex index;
    private final ProducerTemplate producer;
    private final ListingStore listings;

    public DeadLetterReplayer(DeadLetterIndex index, ProducerTemplate producer, ListingStore listings) {
        this.index = index;
        this.producer = producer;
        this.listings = listings;
    }

    /**
     * Re-drives what can be re-driven and says why the rest cannot: a dead letter that came from neither a topic
     * nor a push (a supplier file's row or a quarantined snapshot) is fixed at its source — the supplier's next
     * file, or {@code POST /api/v1/supplier-snapshots/{id}/approve} — and is reported as skipped, not replayed.
     */
    public ReplayResult replay(List<StoredDeadLetter> letters) {
        int replayed = 0;
        List<Skipped> skipped = new ArrayList<>();
        for (StoredDeadLetter letter : letters) {
            if (letter.originTopic() != null) {
                producer.sendBodyAndHeaders("kafka:" + letter.originTopic(), letter.payload(),
                        Map.of("kafka.KEY", letter.key() == null ? "" : letter.key(), DeadLetterHeaders.REPLAY, "true"));
            } else if (letter.channel() != null) {
                for (String sku : skus(letter)) {
                    listings.requestRepush(letter.channel(), sku);
                }
            } else {
                skipped.add(new Skipped(letter.id(), "stage " + letter.stage() + " is not replayable: fix it at its source"
                        + " (for supplier files: the next file, or approve the quarantined snapshot)"));
                continue;
            }
            index.markReplayed(letter.id());
            replayed++;
        }
        return new ReplayResult(replayed, skipped);
    }

    /** What a replay did: how many were re-driven, and which were not, with why. */
    public record ReplayResult(int replayed, List<Skipped> skipped) {
    }

    public record Skipped(String id, String reason) {
    }

    /** A rejected push holds one listing; a batch the dead letter channel took holds a list of them. */
    private static List<String> skus(StoredDeadLetter letter) {
        try {
            JsonNode node = JSON.readTree(letter.payload());
            if (node.isArray()) {
                return java.util.stream.StreamSupport.stream(node.spliterator(), false).map(n -> n.path("sku").asText()).toList();
            }
            return List.of(node.path("sku").asText(letter.key()));
        } catch (Exception e) {
            return letter.key() == null ? List.of() : List.of(letter.key());
        }
    }
}
