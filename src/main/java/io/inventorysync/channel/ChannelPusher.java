package io.inventorysync.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.core.IntervalFunction;

/**
 * The push mechanism every channel producer shares: split the items into the channel's batches, push each batch
 * through the channel's client, retry in-process what the client says is retryable — with exponential backoff
 * and jitter, never sooner than the platform's own hint — and stop calling once the platform refused the
 * credentials (every later batch would be refused alike). What is still failing after the retries is answered
 * as RETRY, for the dispatcher to try again later; nothing is dropped.
 */
public final class ChannelPusher {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelPusher.class);
    private static final double BACKOFF_RANDOMIZATION = 0.5;

    /** One call to the channel for one batch. */
    @FunctionalInterface
    public interface Call {
        Answer push(List<ListingQuantity> batch) throws RetryableChannelException;
    }

    /**
     * The outcomes of one call, one per item in order.
     *
     * @param retryHere whether its RETRY outcomes may be retried in this push (false when the platform already
     *                  took the work, e.g. an asynchronous feed that then failed: the dispatcher retries it later)
     */
    public record Answer(List<PushOutcome> outcomes, boolean retryHere) {
        public static Answer of(List<PushOutcome> outcomes) {
            return new Answer(outcomes, true);
        }
    }

    /** Outcomes of a whole push, one per item in order, and how many batches it took. */
    public record Result(List<PushOutcome> outcomes, int batches) {
        public int count(PushOutcome.Status status) {
            return (int) outcomes.stream().filter(o -> o.status() == status).count();
        }
    }

    private final String account;
    private final int maxRetries;
    private final IntervalFunction backoff;
    private final Set<String> refusesAll;

    /**
     * @param account    the shop or seller, for logs
     * @param refusesAll the platform's codes that mean every call would be refused (a bad or revoked credential)
     */
    public ChannelPusher(String account, int maxRetries, long initialBackoffMs, double backoffMultiplier,
            long maxBackoffMs, Set<String> refusesAll) {
        this.account = account;
        this.maxRetries = maxRetries;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(Math.max(1, initialBackoffMs), backoffMultiplier,
                BACKOFF_RANDOMIZATION, Math.max(1, maxBackoffMs));
        this.refusesAll = Set.copyOf(refusesAll);
    }

    public Result push(List<ListingQuantity> items, int batchSize, Call call) throws InterruptedException {
        List<PushOutcome> outcomes = new ArrayList<>(items.size());
        int batches = 0;
        PushOutcome refused = null;
        for (int from = 0; from < items.size(); from += batchSize) {
            List<ListingQuantity> batch = items.subList(from, Math.min(items.size(), from + batchSize));
            batches++;
            if (refused != null) {
                PushOutcome reason = refused;
                batch.forEach(item -> outcomes.add(PushOutcome.rejected(item, reason.code(), reason.message())));
                continue;
            }
            List<PushOutcome> batchOutcomes = pushWithRetries(batch, call);
            outcomes.addAll(batchOutcomes);
            refused = refusedAll(batchOutcomes);
        }
        return new Result(outcomes, batches);
    }

    private List<PushOutcome> pushWithRetries(List<ListingQuantity> batch, Call call) throws InterruptedException {
        PushOutcome[] outcomes = new PushOutcome[batch.size()];
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            open.add(i);
        }
        for (int attempt = 1; ; attempt++) {
            List<ListingQuantity> sending = open.stream().map(batch::get).toList();
            Long hint = null;
            List<Integer> stillOpen = new ArrayList<>();
            try {
                Answer answer = call.push(sending);
                for (int i = 0; i < answer.outcomes().size(); i++) {
                    PushOutcome outcome = answer.outcomes().get(i);
                    outcomes[open.get(i)] = outcome;
                    if (outcome.status() == PushOutcome.Status.RETRY && answer.retryHere()) {
                        stillOpen.add(open.get(i));
                        hint = max(hint, outcome.retryAfterMs());
                    }
                }
            } catch (RetryableChannelException e) {
                hint = e.retryAfterMs();
                for (int index : open) {
                    outcomes[index] = PushOutcome.retry(batch.get(index), e.code(), e.getMessage(), e.retryAfterMs());
                    stillOpen.add(index);
                }
            }
            open = stillOpen;
            if (open.isEmpty() || attempt > maxRetries) {
                if (!open.isEmpty()) {
                    PushOutcome last = outcomes[open.get(0)];
                    LOG.warn("{} item(s) for {} still failing after {} retries (last: {} {}); the dispatcher retries later",
                            open.size(), account, maxRetries, last.code(), last.message());
                }
                return List.of(outcomes);
            }
            long wait = Math.max(backoff.apply(attempt), hint == null ? 0 : hint);
            Thread.sleep(wait); // a blocking producer waiting out the platform; interruptible on shutdown
        }
    }

    private PushOutcome refusedAll(List<PushOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return null;
        }
        PushOutcome first = outcomes.get(0);
        boolean allRefused = first.status() == PushOutcome.Status.REJECTED && refusesAll.contains(first.code())
                && outcomes.stream().allMatch(o -> Objects.equals(o.code(), first.code()));
        return allRefused ? first : null;
    }

    private static Long max(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }
}
