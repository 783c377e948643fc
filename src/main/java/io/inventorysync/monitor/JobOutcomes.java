package io.inventorysync.monitor;

import java.util.List;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inventorysync.channel.PushOutcome;

/**
 * Reads how a routed run of a monitored job ended: an exception (also one the route's error handler took) is a
 * failed run; otherwise the {@link JobOutcome} the job reported (exchange property {@link JobOutcome#PROPERTY} or
 * the body); for a dispatcher round, the channel sink's push outcomes (items pushed, and retried or rejected
 * ones as failed); otherwise a success with unknown counts.
 */
final class JobOutcomes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<PushOutcome>> PUSH_OUTCOMES = new TypeReference<>() { };

    private JobOutcomes() {
    }

    /**
     * The outcome, read when it is asked for: a dispatcher's push outcomes are parsed off the dispatcher's thread
     * (only the body reference is taken here), so monitoring adds nothing between the push and its recording.
     */
    static Supplier<JobOutcome> of(Exchange exchange, MonitorKind kind) {
        Exception failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure != null) {
            JobOutcome failed = JobOutcome.failed(failure.getClass().getSimpleName() + ": " + failure.getMessage());
            return () -> failed;
        }
        JobOutcome reported = exchange.getProperty(JobOutcome.PROPERTY, JobOutcome.class);
        Object body = exchange.getMessage().getBody();
        if (reported == null && body instanceof JobOutcome outcome) {
            reported = outcome;
        }
        if (reported != null || kind != MonitorKind.DISPATCHER) {
            JobOutcome known = reported != null ? reported : JobOutcome.succeeded();
            return () -> known;
        }
        if (body instanceof StreamCache) {
            // a stream is read once: leave the dispatcher a string it can read again
            body = exchange.getMessage().getBody(String.class);
            exchange.getMessage().setBody(body);
        }
        Object answer = body;
        return () -> pushOutcomes(answer);
    }

    private static JobOutcome pushOutcomes(Object body) {
        List<PushOutcome> outcomes;
        try {
            if (body instanceof List<?> list) {
                outcomes = JSON.convertValue(list, PUSH_OUTCOMES);
            } else if (body instanceof String text) {
                outcomes = JSON.readValue(text, PUSH_OUTCOMES);
            } else if (body instanceof byte[] bytes) {
                outcomes = JSON.readValue(bytes, PUSH_OUTCOMES);
            } else {
                return JobOutcome.succeeded();
            }
        } catch (Exception e) {
            // the dispatcher itself reports an unreadable answer; the round's counts are just unknown here
            return JobOutcome.succeeded();
        }
        long failed = outcomes.stream().filter(o -> o.status() != PushOutcome.Status.PUSHED).count();
        String firstError = outcomes.stream().filter(o -> o.status() != PushOutcome.Status.PUSHED).findFirst()
                .map(o -> o.sku() + " " + o.status() + " " + o.code() + ": " + o.message()).orElse(null);
        return JobOutcome.completed(outcomes.size(), failed, firstError);
    }
}
