package io.inventorysync.connectors.amazon;

import static io.inventorysync.support.FastAmazonSandbox.listingsUri;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.inventorysync.channel.ChannelApiMeters;
import io.inventorysync.channel.PushOutcome;
import io.inventorysync.connectors.amazon.sandbox.AmazonSandbox;
import io.inventorysync.support.FastAmazonSandbox;
import io.inventorysync.connectors.amazon.sandbox.SandboxFaults;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Every SP-API call and pre-signed URL transfer of a feed push is counted per operation and outcome, under the
 * channel name the sink is given, in the MeterRegistry the CamelContext holds.
 */
class AmazonApiMetersIT {

    static final String CHANNEL = "amazon-meters-it";
    static AmazonSandbox sandbox;
    CamelContext camel;
    SimpleMeterRegistry meters;

    @BeforeAll
    static void startSandbox() {
        sandbox = FastAmazonSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void startCamel() {
        sandbox.reset();
        meters = new SimpleMeterRegistry();
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("meters", meters);
        camel.start();
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    private double calls(String operation, String outcome) {
        var counter = meters.find(ChannelApiMeters.CALLS).tag("channel", CHANNEL).tag("operation", operation)
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aFeedPushCountsEachCallAndAThrottledOneSeparately() {
        sandbox.injectFaults(SandboxFaults.throttle(1));

        List<?> outcomes = camel.createProducerTemplate().requestBody(
                listingsUri(sandbox, "&channelName=" + CHANNEL + "&maxRetries=3"),
                AmazonListingsProducerIT.items(3, 0), List.class);

        assertThat(outcomes).hasSize(3).allSatisfy(o -> assertThat(((PushOutcome) o).status()).isEqualTo(PushOutcome.Status.PUSHED));
        assertThat(meters.get(ChannelApiMeters.THROTTLED_CALLS).tag("channel", CHANNEL).counter().count()).isEqualTo(1);
        double throttled = meters.find(ChannelApiMeters.CALLS).tag("channel", CHANNEL)
                .tag("outcome", ChannelApiMeters.THROTTLED).counters().stream().mapToDouble(c -> c.count()).sum();
        assertThat(throttled).isEqualTo(1);
        for (String operation : List.of("createFeedDocument", "createFeed", "getFeed", "getFeedDocument",
                SpApiTransport.UPLOAD, SpApiTransport.DOWNLOAD)) {
            assertThat(calls(operation, ChannelApiMeters.SUCCESS)).as(operation).isPositive();
        }
        assertThat(meters.find(ChannelApiMeters.CALLS).tag("channel", sandbox.sellerId()).counters())
                .as("named after the channel, not the seller id").isEmpty();
    }
}
