package io.inventorysync.reconciliation;

/**
 * Tells operators about a run the guard rail held (it waits for a human) and when it no longer needs one: applied,
 * or overtaken by a later run of the channel within the guard rail.
 */
public interface HeldRunNotifier {

    HeldRunNotifier NONE = new HeldRunNotifier() {
        @Override
        public void held(String channel, long runId, String summary) {
        }

        @Override
        public void settled(String channel, String resolution) {
        }
    };

    void held(String channel, long runId, String summary);

    void settled(String channel, String resolution);
}
