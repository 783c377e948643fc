package io.inventorysync.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the monitoring services, answering 200 "OK" and recording every ping: healthchecks.io's under
 * {@code /ping/<check>} (kind from the path, rid, body), Cronitor's under {@code /p/<apiKey>/<monitorKey>} (its query
 * parameters, decoded).
 */
final class PingServer implements AutoCloseable {

    record Ping(String check, String kind, String rid, String method, String body) {
    }

    /** A Cronitor telemetry event; {@code parameters} decoded, in the order sent, repeated ones kept. */
    record CronitorPing(String apiKey, String monitor, String method, String rawQuery,
            Map<String, List<String>> parameters) {

        /** The parameter's only value, or null when it was not sent (fails when it was sent more than once). */
        String only(String name) {
            List<String> values = parameters.getOrDefault(name, List.of());
            if (values.size() > 1) {
                throw new AssertionError(name + " sent " + values.size() + " times: " + values);
            }
            return values.isEmpty() ? null : values.get(0);
        }

        List<String> all(String name) {
            return parameters.getOrDefault(name, List.of());
        }
    }

    private final HttpServer server;
    private final List<Ping> pings = new CopyOnWriteArrayList<>();
    private final List<CronitorPing> cronitorPings = new CopyOnWriteArrayList<>();
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
            server.createContext("/p/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                    if (pings.failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        exchange.sendResponseHeaders(503, -1);
                        return;
                    }
                    String[] path = exchange.getRequestURI().getRawPath().substring("/p/".length()).split("/", -1);
                    String rawQuery = exchange.getRequestURI().getRawQuery();
                    pings.cronitorPings.add(new CronitorPing(path[0], path.length > 1 ? path[1] : "",
                            exchange.getRequestMethod(), rawQuery, decode(rawQuery)));
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

    /** A Cronitor telemetry URL, as a user would write it: {@code <base>/p/<apiKey>/<monitorKey>}. */
    URI cronitorUrl(String apiKey, String monitor) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/p/" + apiKey + "/" + monitor);
    }

    List<CronitorPing> cronitorPings(String monitor) {
        return cronitorPings.stream().filter(p -> p.monitor().equals(monitor)).toList();
    }

    private static Map<String, List<String>> decode(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    List<Ping> pings(String check) {
        return pings.stream().filter(p -> p.check().equals(check)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
