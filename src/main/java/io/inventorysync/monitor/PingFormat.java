package io.inventorysync.monitor;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;

/**
 * Turns one ping into the HTTP request a monitoring service understands: one implementation per protocol, chosen
 * by {@link PingProtocol}. The caller adds the timeout and sends it.
 */
interface PingFormat {

    /**
     * @param pingUrl the monitor's ping URL as configured
     * @throws URISyntaxException when the ping URL cannot carry the ping
     */
    HttpRequest.Builder request(URI pingUrl, MonitorPing ping) throws URISyntaxException;
}
