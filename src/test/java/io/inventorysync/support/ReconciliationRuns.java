package io.inventorysync.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Starts reconciliations of a channel through the admin API and waits for them, as an operator would. */
public final class ReconciliationRuns {

    private final ObjectMapper json = new ObjectMapper();
    private final WebhookClient client;
    private final String channel;

    public ReconciliationRuns(WebhookClient client, String channel) {
        this.client = client;
        this.channel = channel;
    }

    /** Starts a run, first waiting out one still going (409: a scheduled run, or another test's); its id. */
    public long start() {
        HttpResponse<String>[] started = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            started[0] = client.admin("POST", "/api/v1/reconciliations?channel=" + channel, null, AppUnderTest.ADMIN_TOKEN);
            return started[0].statusCode() != 409;
        });
        assertThat(started[0].statusCode()).as(started[0].body()).isEqualTo(202);
        return read(started[0].body()).path("id").asLong();
    }

    /** The run as the channel's run list shows it once it is no longer running; a run that failed fails the test. */
    public JsonNode awaitFinished(long id) {
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode runs = read(client.admin("GET", "/api/v1/reconciliations?channel=" + channel, null,
                    AppUnderTest.ADMIN_TOKEN).body()).path("reconciliations");
            run[0] = null;
            runs.forEach(r -> {
                if (r.path("id").asLong() == id) {
                    run[0] = r;
                }
            });
            assertThat(run[0]).isNotNull();
            assertThat(run[0].path("status").asText()).isNotEqualTo("running");
        });
        assertThat(run[0].path("error").isNull()).as(run[0].toString()).isTrue();
        return run[0];
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
