package io.inventorysync.channel.control;

/** The SKU has no listing on the channel (not in its mapping file), so a control on it would never apply. */
public class UnmappedSkuException extends RuntimeException {

    public UnmappedSkuException(String channel, String sku) {
        super("sku " + sku + " is not mapped on channel " + channel);
    }
}
