package io.inventorysync.deadletter;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.ProducerTemplate;

/**
 * Sends dead letters raised by Java code through the same route the dead letter channel uses
 * ({@code direct:dead-letter}, in {@code routes/dead-letters.camel.yaml}), so every dead letter looks alike.
 * Synchronous: it returns once the record is acknowledged by Kafka.
 */
public class DeadLetterPublisher {

    public static final String ENDPOINT = "direct:dead-letter";

    private final ProducerTemplate producer;
    public DeadLetterPublisher(ProducerTemplate producer) {
        this.producer = producer;
    }

    public void publish(DeadLetter letter) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(DeadLetterHeaders.STAGE, letter.stage());
        headers.put(DeadLetterHeaders.REASON, letter.reason());
        headers.put(DeadLetterHeaders.EXCEPTION, letter.detail() == null ? "" : letter.detail());
        headers.put(DeadLetterHeaders.ORIGIN_TOPIC, letter.originTopic() == null ? "" : letter.originTopic());
        headers.put(DeadLetterHeaders.CHANNEL, letter.channel() == null ? "" : letter.channel());
        if (letter.key() != null) {
            headers.put("kafka.KEY", letter.key());
        }
        producer.requestBodyAndHeaders(ENDPOINT, letter.payload(), headers);
    }
}
