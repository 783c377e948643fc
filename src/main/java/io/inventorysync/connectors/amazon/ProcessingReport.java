package io.inventorysync.connectors.amazon;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of a JSON_LISTINGS_FEED processing report (listings-feed-processing-report-schema-v2) the connector uses.
 *
 * @param issues           every issue; those without a messageId (and sku) concern the whole feed
 * @param messagesAccepted {@code summary.messagesAccepted}, or -1 when absent
 */
record ProcessingReport(List<Issue> issues, int messagesAccepted) {

    /** One issue: {@code messageId} and {@code sku} may be absent. */
    record Issue(Long messageId, String sku, String code, String severity, String message, String attributeName) {

        boolean error() {
            return "ERROR".equals(severity);
        }

        String describe() {
            return (code == null ? "" : code + " ") + severity + ": " + message
                    + (attributeName == null ? "" : " [" + attributeName + "]");
        }
    }

    static ProcessingReport parse(JsonNode report) {
        List<Issue> issues = new ArrayList<>();
        for (JsonNode issue : report.path("issues")) {
            issues.add(new Issue(
                    issue.path("messageId").isIntegralNumber() ? issue.get("messageId").asLong() : null,
                    text(issue, "sku"), text(issue, "code"), issue.path("severity").asText("ERROR"),
                    issue.path("message").asText(""), text(issue, "attributeName")));
        }
        JsonNode accepted = report.path("summary").path("messagesAccepted");
        return new ProcessingReport(issues, accepted.isIntegralNumber() ? accepted.asInt() : -1);
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.get(field).asText() : null;
    }
}
