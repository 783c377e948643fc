package io.inventorysync.connectors.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FeedTurnaroundTest {

    static final Duration INTERVAL = Duration.ofSeconds(30);

    @Test
    void withoutHistoryTheFirstPollWaitsOneInterval() {
        assertThat(new FeedTurnaround().firstPoll(INTERVAL)).isEqualTo(INTERVAL);
    }

    @Test
    void theFirstPollWaitsForTheQuickestRecentFeedLessOneInterval() {
        FeedTurnaround turnaround = new FeedTurnaround();
        turnaround.record(Duration.ofMinutes(5));
        turnaround.record(Duration.ofMinutes(3));
        turnaround.record(Duration.ofMinutes(4));

        assertThat(turnaround.firstPoll(INTERVAL)).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void feedsQuickerThanTwoIntervalsLeaveTheIntervalAsIs() {
        FeedTurnaround turnaround = new FeedTurnaround();
        turnaround.record(Duration.ofSeconds(40));

        assertThat(turnaround.firstPoll(INTERVAL)).isEqualTo(INTERVAL);
    }

    @Test
    void onlyTheLastTwentyFeedsCount() {
        FeedTurnaround turnaround = new FeedTurnaround();
        turnaround.record(Duration.ofMinutes(1));
        for (int i = 0; i < FeedTurnaround.REMEMBERED; i++) {
            turnaround.record(Duration.ofMinutes(10));
        }

        assertThat(turnaround.firstPoll(INTERVAL)).as("the quick feed has left the window")
                .isEqualTo(Duration.ofMinutes(10).minus(INTERVAL));
    }
}
