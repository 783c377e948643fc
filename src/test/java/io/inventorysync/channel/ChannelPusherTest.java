package io.inventorysync.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ChannelPusherTest {

    private final ChannelPusher pusher = new ChannelPusher("test", 3, 1, 1.0, 1, Set.of("UNAUTHORIZED"));

    private static List<ListingQuantity> items(int n) {
        return IntStream.range(0, n).mapToObj(i -> new ListingQuantity("SKU-" + i, Map.of("id", "" + i), i, null)).toList();
    }

    @Test
    void itemsAreSplitIntoBatchesOfTheChannelsCapAndAnsweredInOrder() throws Exception {
        List<Integer> sizes = new ArrayList<>();

        ChannelPusher.Result result = pusher.push(items(600), 250, batch -> {
            sizes.add(batch.size());
            return ChannelPusher.Answer.of(batch.stream().map(PushOutcome::pushed).toList());
        });

        assertThat(sizes).containsExactly(250, 250, 100);
        assertThat(result.batches()).isEqualTo(3);
        assertThat(result.outcomes()).extracting(PushOutcome::sku).containsExactlyElementsOf(
                items(600).stream().map(ListingQuantity::sku).toList());
    }

    @Test
    void retryableItemsAreRetriedUntilPushedAndOnlyThoseAreSentAgain() throws Exception {
        List<List<String>> calls = new ArrayList<>();

        ChannelPusher.Result result = pusher.push(items(3), 250, batch -> {
            calls.add(batch.stream().map(ListingQuantity::sku).toList());
            if (calls.size() == 1) {
                throw new RetryableChannelException("HTTP_503", "unavailable", null, null);
            }
            return ChannelPusher.Answer.of(batch.stream().map(item -> item.sku().equals("SKU-1") && calls.size() == 2
                    ? PushOutcome.retry(item, "THROTTLED", "later", 1L) : PushOutcome.pushed(item)).toList());
        });

        assertThat(calls).containsExactly(List.of("SKU-0", "SKU-1", "SKU-2"), List.of("SKU-0", "SKU-1", "SKU-2"),
                List.of("SKU-1"));
        assertThat(result.count(PushOutcome.Status.PUSHED)).isEqualTo(3);
    }

    @Test
    void itemsStillFailingAfterTheRetriesAreAnsweredRetryNotDropped() throws Exception {
        ChannelPusher.Result result = pusher.push(items(2), 250, batch -> {
            throw new RetryableChannelException("HTTP_503", "unavailable", null, null);
        });

        assertThat(result.outcomes()).hasSize(2).allMatch(o -> o.status() == PushOutcome.Status.RETRY
                && o.code().equals("HTTP_503"));
    }

    @Test
    void retryOutcomesTheChannelAlreadyTookAreLeftToTheDispatcher() throws Exception {
        List<Integer> calls = new ArrayList<>();

        ChannelPusher.Result result = pusher.push(items(2), 250, batch -> {
            calls.add(batch.size());
            return new ChannelPusher.Answer(batch.stream().map(i -> PushOutcome.retry(i, "FATAL", "feed failed", null)).toList(),
                    false);
        });

        assertThat(calls).containsExactly(2);
        assertThat(result.count(PushOutcome.Status.RETRY)).isEqualTo(2);
    }

    @Test
    void refusedCredentialsStopFurtherCallsAndRejectTheRest() throws Exception {
        List<Integer> calls = new ArrayList<>();

        ChannelPusher.Result result = pusher.push(items(500), 250, batch -> {
            calls.add(batch.size());
            return ChannelPusher.Answer.of(batch.stream().map(i -> PushOutcome.rejected(i, "UNAUTHORIZED", "bad token")).toList());
        });

        assertThat(calls).containsExactly(250);
        assertThat(result.outcomes()).hasSize(500).allMatch(o -> o.code().equals("UNAUTHORIZED"));
    }
}
