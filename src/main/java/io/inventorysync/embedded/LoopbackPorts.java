package io.inventorysync.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds TCP ports on the loopback interface for the embedded servers. */
final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /**
     * A port nothing listens on right now. Another process may still take it before the caller binds it;
     * for a single developer machine that window is acceptable.
     */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }

    /** True when {@code port} can be bound on the loopback interface now. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Without SO_REUSEADDR a socket lingering in TIME_WAIT from our own previous run counts as busy
            // on some systems; the servers we start set it, so do the same to judge like they will.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
