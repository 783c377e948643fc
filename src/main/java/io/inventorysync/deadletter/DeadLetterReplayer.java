package io.inventorysync.deadletter;

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

    public int replay(List<StoredDeadLetter> letters) {
        int replayed = 0;
        for (StoredDeadLetter letter : letters) {
            if (letter.originTopic() != null) {
                producer.sendBodyAndHeaders("kafka:" + letter.originTopic(), letter.payload(),
                        Map.of("kafka.KEY", letter.key() == null ? "" : letter.key(), DeadLetterHeaders.REPLAY, "true"));
            } else if (letter.channel() != null) {
                for (String sku : skus(letter)) {
                    listings.requestRepush(letter.channel(), sku);
                }
            } else {
                throw new IllegalArgumentException("dead letter " + letter.id() + " has neither an origin topic nor a channel");
            }
            index.markReplayed(letter.id());
            replayed++;
        }
        return replayed;
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
