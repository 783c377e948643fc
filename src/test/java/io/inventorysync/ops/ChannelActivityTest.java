package io.inventorysync.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ChannelActivityTest {

    static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void throughputAndFailureRateComeFromTheReadingsInsideTheWindow() {
        ChannelActivity activity = new ChannelActivity(100);
        activity.add(new ActivitySample(T, 0, 0, 0, 0));
        activity.add(new ActivitySample(T.plusSeconds(60), 100, 0, 100, 10));
        activity.add(new ActivitySample(T.plusSeconds(120), 190, 10, 190, 19));

        // the 1-minute window sees only the last step: 90 pushed, 10 failed
        assertThat(activity.pushesPerMinute(Duration.ofMinutes(1))).isCloseTo(90, within(1e-9));
        assertThat(activity.failureRate(Duration.ofMinutes(1))).isCloseTo(0.1, within(1e-9));
        // the 5-minute window sees both steps
        assertThat(activity.pushesPerMinute(Duration.ofMinutes(5))).isCloseTo(95, within(1e-9));
        assertThat(activity.failureRate(Duration.ofMinutes(5))).isCloseTo(10.0 / 200, within(1e-9));
    }

    @Test
    void latencySeriesIsTheMeanPerIntervalAndNullWhereNothingWasPushed() {
        ChannelActivity activity = new ChannelActivity(100);
        activity.add(new ActivitySample(T, 0, 0, 0, 0));
        activity.add(new ActivitySample(T.plusSeconds(10), 4, 0, 4, 0.2));
        activity.add(new ActivitySample(T.plusSeconds(20), 4, 0, 4, 0.2));
        activity.add(new ActivitySample(T.plusSeconds(30), 5, 0, 5, 0.3));

        assertThat(activity.latencyMillis()).hasSize(3);
        assertThat(activity.latencyMillis().get(0)).isCloseTo(50, within(1e-6));
        assertThat(activity.latencyMillis().get(1)).isNull();
        assertThat(activity.latencyMillis().get(2)).isCloseTo(100, within(1e-6));
    }

    @Test
    void keepsOnlyTheNewestReadingsAndReportsNothingFromASingleOne() {
        ChannelActivity activity = new ChannelActivity(2);
        activity.add(new ActivitySample(T, 0, 0, 0, 0));
        assertThat(activity.pushesPerMinute(Duration.ofMinutes(5))).isZero();
        assertThat(activity.failureRate(Duration.ofMinutes(5))).isZero();

        activity.add(new ActivitySample(T.plusSeconds(60), 60, 0, 60, 6));
        activity.add(new ActivitySample(T.plusSeconds(120), 180, 0, 180, 18));
        assertThat(activity.latencyMillis()).hasSize(1);
        assertThat(activity.pushesPerMinute(Duration.ofMinutes(10))).isCloseTo(120, within(1e-9));
    }
}
