package io.inventorysync.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real local HTTP server standing in for the chat incoming webhook and the SMS gateway: it records every POST
 * (path, body, Authorization header, arrival) and answers 200, or 500 while a body contains a marker set with
 * {@link #failWhileBodyContains}.
 */
final class RecordingWebhookServer implements AutoCloseable {

    record Call(String path, JsonNode body, String authorization, Instant at) {
        String text() {
            return body.has("text") ? body.path("text").asText() : body.path("message").asText();
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json = new ObjectMapper();

    private RecordingWebhookServer(HttpServer server) {
        this.server = server;
    }

    static RecordingWebhookServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            RecordingWebhookServer recorder = new RecordingWebhookServer(server);
            server.createContext("/", recorder::handle);
            server.start();
            return recorder;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            boolean fail = failing.stream().anyMatch(body::contains);
            calls.add(new Call(exchange.getRequestURI().getPath(), json.readTree(body),
                    exchange.getRequestHeaders().getFirst("Authorization"), Instant.now()));
            byte[] answer = (fail ? "internal_error" : "ok").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void failWhileBodyContains(String marker) {
        failing.add(marker);
    }

    void heal(String marker) {
        failing.remove(marker);
    }

    /** Calls to paths starting with {@code pathPrefix} whose text mentions {@code marker}, in arrival order. */
    List<Call> calls(String pathPrefix, String marker) {
        return calls.stream().filter(c -> c.path().startsWith(pathPrefix) && c.text().contains(marker)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
