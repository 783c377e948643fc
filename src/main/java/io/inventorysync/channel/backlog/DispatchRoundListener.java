package io.inventorysync.channel.backlog;

/**
 * Told of every dispatcher round that found nothing to push (an idle poll, or a closed gate): the heartbeat that
 * shows a quiet channel's dispatcher is alive. Rounds that push are exchanges of the dispatcher's route and are
 * seen by route policies. Looked up in the Camel registry; absent, nobody is told.
 */
public interface DispatchRoundListener {

    void idleRound(String channel);
}
