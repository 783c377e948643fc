package io.inventorysync.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.inventorysync.event.EventValidator;

/** A signed timestamp bounds replays; sources that do not send one keep working unless they must. */
class WebhookReplayWindowTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final byte[] SALE = """
            {"event_type":"inventory.sale","sku":"W-1","location_id":"WH-1","quantity_change":-1,\
            "timestamp":"2026-11-23T09:59:00Z"}""".getBytes(StandardCharsets.UTF_8);
    static final WebhookSigner SIGNER = new WebhookSigner("s3cret");

    final WebhookReplayWindow window = new WebhookReplayWindow(Duration.ofMinutes(5), Set.of("strict"),
            Clock.fixed(NOW, ZoneOffset.UTC));
    final WebhookIntake intake = new WebhookIntake(Map.of("erp", "s3cret", "strict", "s3cret"), window,
            WebhookIntake.DEFAULT_MAX_BODY_BYTES, 10, new EventValidator());

    @Test
    void timestampWithinTheWindowIsAcceptedEitherSideOfTheClock() {
        for (long offset : new long[] {-300, -1, 0, 1, 300}) {
            long at = NOW.getEpochSecond() + offset;
            assertThat(intake.accept("erp", SIGNER.signatureHeader(at, SALE), Long.toString(at), SALE)).hasSize(1);
        }
    }

    @Test
    void replayOutsideTheWindowIsRefusedWith401() {
        for (long offset : new long[] {-301, 301, -86_400}) {
            long at = NOW.getEpochSecond() + offset;
            assertThatThrownBy(() -> intake.accept("erp", SIGNER.signatureHeader(at, SALE), Long.toString(at), SALE))
                    .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(401);
                        assertThat(e.reason()).isEqualTo(WebhookRejectedException.TIMESTAMP_OUTSIDE_WINDOW);
                        assertThat(e.getMessage()).contains("at most 300 s");
                    });
        }
    }

    @Test
    void signatureCoversTheTimestampSoMovingItBreaksTheSignature() {
        long signedAt = NOW.getEpochSecond() - 3600;
        String signature = SIGNER.signatureHeader(signedAt, SALE);

        assertThatThrownBy(() -> intake.accept("erp", signature, Long.toString(NOW.getEpochSecond()), SALE))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.UNAUTHORIZED));
        assertThatThrownBy(() -> intake.accept("erp", signature, null, SALE))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.UNAUTHORIZED));
    }

    @Test
    void sourceWithoutTimestampStillWorksUnlessItMustSendOne() {
        assertThat(intake.accept("erp", SIGNER.signatureHeader(SALE), null, SALE)).hasSize(1);

        assertThatThrownBy(() -> intake.accept("strict", SIGNER.signatureHeader(SALE), null, SALE))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.reason()).isEqualTo(WebhookRejectedException.TIMESTAMP_REQUIRED);
                });
        long at = NOW.getEpochSecond();
        assertThat(intake.accept("strict", SIGNER.signatureHeader(at, SALE), Long.toString(at), SALE)).hasSize(1);
    }

    @Test
    void timestampThatIsNotUnixSecondsIsRefusedEvenWhenSigned() {
        for (String bad : new String[] {"", "abc", "-5", "1.5", "2026-11-23T10:00:00Z", "9999999999999999999999"}) {
            String signature = "sha256=" + java.util.HexFormat.of().formatHex(
                    HmacSha256.mac("s3cret", WebhookSigner.signedContent(bad, SALE)));
            assertThatThrownBy(() -> intake.accept("erp", signature, bad, SALE)).as(bad)
                    .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(401);
                        assertThat(e.reason()).isEqualTo(WebhookRejectedException.TIMESTAMP_OUTSIDE_WINDOW);
                    });
        }
    }

    @Test
    void specListsTheSourcesThatMustSendATimestamp() {
        assertThat(WebhookReplayWindow.fromSpec(60, "a, b").requires("b")).isTrue();
        assertThat(WebhookReplayWindow.fromSpec(60, "none").requires("none")).isFalse();
        assertThat(WebhookReplayWindow.fromSpec(60, "a").tolerance()).isEqualTo(Duration.ofSeconds(60));
    }
}
