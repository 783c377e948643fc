package io.inventorysync.alert;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.inventorysync.channel.control.LimitedAvailability;

/**
 * TEST DOUBLE of the protective action (the real one is the channel-control feature's): records each engage and lift
 * and keeps the engaged thresholds, so tests see what alert escalation asked for. {@code @Primary}, so it wins over a
 * real bean once both are on the classpath.
 */
public class RecordingLimitedAvailability implements LimitedAvailability {

    record Call(String action, String channel, Integer belowQuantity, String reason) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> engaged = new ConcurrentHashMap<>();

    @Override
    public void engage(String channel, int belowQuantity, String reason) {
        calls.add(new Call("engage", channel, belowQuantity, reason));
        engaged.put(channel, belowQuantity);
    }

    @Override
    public void lift(String channel, String reason) {
        calls.add(new Call("lift", channel, null, reason));
        engaged.remove(channel);
    }

    @Override
    public Optional<Integer> engaged(String channel) {
        return Optional.ofNullable(engaged.get(channel));
    }

    /** Calls whose reason mentions {@code marker} (the incident's key), in order. */
    List<Call> calls(String marker) {
        return calls.stream().filter(c -> c.reason().contains(marker)).toList();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        RecordingLimitedAvailability recordingLimitedAvailability() {
            return new RecordingLimitedAvailability();
        }
    }
}
