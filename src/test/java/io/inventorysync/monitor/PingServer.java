package io.inventorysync.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/** A local healthchecks.io stand-in: records every ping (kind from the path, rid, body) and answers 200 "OK". */
final class PingServer implements AutoCloseable {

    record Ping(String check, String kind, String rid, String method, String body) {
    }

    private final HttpServer server;
    private final List<Ping> pings = new CopyOnWriteArrayList<>();
    /** Answer this many requests with 503 before answering OK again (to exercise retries). */
    final AtomicInteger failNext = new AtomicInteger();

    private PingServer(HttpServer server) {
        this.server = server;
    }

    static PingServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            PingServer pings = new PingServer(server);
            server.createContext("/ping/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if (pings.failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        exchange.sendResponseHeaders(503, -1);
                        return;
                    }
                    String[] path = exchange.getRequestURI().getPath().substring("/ping/".length()).split("/");
                    String kind = path.length > 1 ? path[1] : "success";
                    String query = exchange.getRequestURI().getQuery();
                    String rid = query != null && query.startsWith("rid=") ? query.substring(4) : null;
                    pings.pings.add(new Ping(path[0], kind, rid, exchange.getRequestMethod(), body));
                    byte[] ok = "OK".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, ok.length);
                    exchange.getResponseBody().write(ok);
                } finally {
                    exchange.close();
                }
            });
            server.start();
            return pings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ping URL of a check, as a user would paste it from healthchecks.io. */
    URI url(String check) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ping/" + check);
    }

    List<Ping> pings(String check) {
        return pings.stream().filter(p -> p.check().equals(check)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
