package io.inventorysync.connectors.amazon.sandbox;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The S3 side of feed documents: {@code PUT /uploads/{id}?X-Amz-...} stores a feed document, {@code GET
 * /downloads/{id}?X-Amz-...} serves one. No SP-API token: the signature in the URL is the authority. Refusals are
 * S3's: 403 {@code AccessDenied} "Request has expired" after the URL's lifetime, 403 {@code SignatureDoesNotMatch}
 * for another document, method or Content-Type than the one signed.
 */
final class PresignedHandler implements HttpHandler {

    private final FeedDocuments documents;
    private final SandboxCounters counters;
    private final HttpReplies http;

    PresignedHandler(FeedDocuments documents, SandboxCounters counters, HttpReplies http) {
        this.documents = documents;
        this.counters = counters;
        this.http = http;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            boolean upload = path.startsWith("/uploads/");
            String id = path.substring(path.indexOf('/', 1) + 1);
            Map<String, String> query = HttpReplies.query(exchange.getRequestURI().getRawQuery());
            Optional<FeedDocuments.Grant> grant = documents.grant(query.get("X-Amz-Signature"));
            Optional<FeedDocuments.Document> document = documents.get(id);
            if (grant.isEmpty() || document.isEmpty() || !grant.get().documentId().equals(id)
                    || !grant.get().method().equals(method) || upload != "PUT".equals(method)) {
                refuse(exchange, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
                        + "signature you provided. Check your key and signing method.");
                return;
            }
            if (documents.expired(grant.get())) {
                refuse(exchange, "AccessDenied", "Request has expired");
                return;
            }
            if (upload) {
                store(exchange, document.get());
            } else {
                byte[] content = document.get().content;
                if (content == null) {
                    http.s3Error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
                    return;
                }
                http.bytes(exchange, 200, document.get().contentType, content, Map.of());
            }
        }
    }

    private void store(HttpExchange exchange, FeedDocuments.Document document) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!document.contentType.equals(contentType)) {
            // S3 signs the Content-Type given to createFeedDocument: another one breaks the signature.
            refuse(exchange, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
                    + "signature you provided. Check your key and signing method. (signed Content-Type: "
                    + document.contentType + ", sent: " + contentType + ")");
            return;
        }
        byte[] content = http.body(exchange);
        document.content = content;
        counters.uploads.incrementAndGet();
        http.bytes(exchange, 200, "application/xml", new byte[0], Map.of("ETag", "\"" + md5(content) + "\""));
    }

    private void refuse(HttpExchange exchange, String code, String message) throws IOException {
        counters.presignedUrlRejections.incrementAndGet();
        http.s3Error(exchange, 403, code, message);
    }

    private static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
