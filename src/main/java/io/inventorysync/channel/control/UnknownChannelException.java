package io.inventorysync.channel.control;

/** No channel file of that name is loaded. */
public class UnknownChannelException extends RuntimeException {

    public UnknownChannelException(String channel) {
        super("no channel named " + channel);
    }
}
