package io.inventorysync.connectors.amazon.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/** Reads request bodies and writes JSON, SP-API error lists, S3-style XML errors and raw bytes. */
final class HttpReplies {

    private final ObjectMapper mapper;

    HttpReplies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /** The body as JSON; an empty body is an empty object. */
    JsonNode json(HttpExchange exchange) throws IOException {
        byte[] bytes = body(exchange);
        return bytes.length == 0 ? mapper.createObjectNode() : mapper.readTree(bytes);
    }

    void json(HttpExchange exchange, int status, Object body) throws IOException {
        json(exchange, status, body, Map.of());
    }

    void json(HttpExchange exchange, int status, Object body, Map<String, String> headers) throws IOException {
        byte[] bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : mapper.writeValueAsBytes(body);
        bytes(exchange, status, "application/json", bytes, headers);
    }

    /** SP-API's {@code ErrorList}: {@code {"errors":[{"code","message","details"}]}}, with a request id. */
    void errors(HttpExchange exchange, int status, String code, String message, String details) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", details == null ? "" : details);
        json(exchange, status, Map.of("errors", List.of(error)), Map.of("x-amzn-RequestId", requestId()));
    }

    /** What S3 answers a refused pre-signed request with. */
    void s3Error(HttpExchange exchange, int status, String code, String message) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>" + requestId().substring(0, 16).toUpperCase() + "</RequestId></Error>";
        bytes(exchange, status, "application/xml", xml.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    void bytes(HttpExchange exchange, int status, String contentType, byte[] bytes, Map<String, String> headers)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static String requestId() {
        return UUID.randomUUID().toString();
    }

    /** Query parameters, URL-decoded; a repeated name keeps the last value. */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
