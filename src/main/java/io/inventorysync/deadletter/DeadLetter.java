package io.inventorysync.deadletter;

/** One thing that could not be processed, on its way to the dead-letter topic. */
public record DeadLetter(String stage, String reason, String detail, String originTopic, String key, String channel,
        String payload) {
}
