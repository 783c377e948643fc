package io.inventorysync.connectors.amazon.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An issue the sandbox adds to every processed message for {@code sku} ({@code POST /sandbox/issues}), to act out
 * Amazon's own findings: a WARNING leaves the message accepted, an ERROR makes it invalid.
 *
 * @param sku           the seller SKU
 * @param severity      ERROR, WARNING or INFO
 * @param code          Amazon's code, e.g. {@code 18448}
 * @param message       Amazon's message
 * @param attributeName the attribute concerned, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SandboxIssue(String sku, String severity, String code, String message, String attributeName) {

    public SandboxIssue {
        if (sku == null || sku.isBlank() || code == null || code.isBlank() || message == null || message.isBlank()) {
            throw new IllegalArgumentException("an issue needs sku, code and message");
        }
        if (!"ERROR".equals(severity) && !"WARNING".equals(severity) && !"INFO".equals(severity)) {
            throw new IllegalArgumentException("severity must be ERROR, WARNING or INFO: " + severity);
        }
    }
}
