package io.inventorysync.connectors.amazon.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Feed documents (uploaded inputs and processing reports) and the pre-signed URLs that reach them, as S3 would hold
 * them. A URL is good for one document, one method and a limited time; the expiry is kept here to the nanosecond
 * rather than read back from the URL, so tests can use sub-second lifetimes.
 */
final class FeedDocuments {

    enum Kind { INPUT, RESULT }

    /** One document. {@code content} is null until uploaded. */
    static final class Document {
        final String id;
        final String contentType;
        final Kind kind;
        final boolean gzip;
        volatile byte[] content;

        Document(String id, String contentType, Kind kind, boolean gzip, byte[] content) {
            this.id = id;
            this.contentType = contentType;
            this.kind = kind;
            this.gzip = gzip;
            this.content = content;
        }
    }

    /** What a pre-signed URL allows. */
    record Grant(String documentId, String method, long expiresAtNanos) {
    }

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final LongSupplier nanoClock;
    private volatile Duration urlLifetime;

    FeedDocuments(Duration urlLifetime, LongSupplier nanoClock) {
        this.urlLifetime = urlLifetime;
        this.nanoClock = nanoClock;
    }

    Document createInput(String contentType) {
        Document document = new Document(newId(), contentType, Kind.INPUT, false, null);
        documents.put(document.id, document);
        return document;
    }

    Document createResult(byte[] content, boolean gzip) {
        Document document = new Document(newId(), "application/json", Kind.RESULT, gzip, content);
        documents.put(document.id, document);
        return document;
    }

    Optional<Document> get(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    /** A pre-signed URL for {@code method} on the document, under {@code baseUrl}. */
    String presign(String baseUrl, Document document, String method) {
        byte[] signature = new byte[32];
        random.nextBytes(signature);
        String hex = HexFormat.of().formatHex(signature);
        grants.put(hex, new Grant(document.id, method, nanoClock.getAsLong() + urlLifetime.toNanos()));
        String folder = "PUT".equals(method) ? "/uploads/" : "/downloads/";
        return baseUrl + folder + document.id + "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=ASIASANDBOX%2F" + AMZ_DATE.format(Instant.now()).substring(0, 8)
                + "%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=" + AMZ_DATE.format(Instant.now())
                + "&X-Amz-Expires=" + Math.max(1, urlLifetime.toSeconds())
                + "&X-Amz-SignedHeaders=" + ("PUT".equals(method) ? "content-type%3Bhost" : "host")
                + "&X-Amz-Signature=" + hex;
    }

    Optional<Grant> grant(String signature) {
        return Optional.ofNullable(signature == null ? null : grants.get(signature));
    }

    boolean expired(Grant grant) {
        return nanoClock.getAsLong() >= grant.expiresAtNanos();
    }

    void setUrlLifetime(Duration lifetime) {
        this.urlLifetime = lifetime;
    }

    Duration urlLifetime() {
        return urlLifetime;
    }

    void clear() {
        documents.clear();
        grants.clear();
    }

    /** Shaped like Amazon's document ids, e.g. {@code amzn1.tortuga.4.na.<uuid>.T3YUVYPGKE9BMY}. */
    private String newId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder suffix = new StringBuilder("T");
        for (int i = 0; i < 13; i++) {
            suffix.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return "amzn1.tortuga.4.na." + UUID.randomUUID() + "." + suffix;
    }
}
