package io.inventorysync.connectors.amazon.sandbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Processes one JSON_LISTINGS_FEED document the way the sandbox models Amazon: checks the document against the
 * rules of {@code listings-feed-schema-v2.json} (header, 1..25,000 messages, unique message ids, the per-operation
 * required and forbidden fields), applies {@code fulfillment_availability} changes (PATCH, PARTIAL_UPDATE, UPDATE) and
 * DELETEs, and writes a processing report after {@code listings-feed-processing-report-schema-v2.json}.
 *
 * <p>Issue codes: {@value #BAD_REQUEST} "Invalid parameters provided." for a malformed message (the answer Amazon
 * gives a fulfillment_availability entry without a channel code); {@value #INVALID_ATTRIBUTES} "The attributes are
 * invalid." for a value Amazon's attribute schema refuses (a negative quantity, a channel the seller does not
 * fulfil); {@value #UNKNOWN_SKU_CODE} for a SKU the catalogue does not hold when unknown SKUs are not accepted. That
 * last code and wording come from Amazon's inventory feeds ("This SKU does not exist in the Amazon.com catalog");
 * whether JSON_LISTINGS_FEED reports an unknown SKU this way is not documented — Amazon has been seen to accept such
 * PATCHes silently, which is what {@code acceptUnknownSkus=true} acts out. A document that cannot be read as a feed
 * at all ends FATAL with a report saying why.
 */
final class ListingsFeedProcessor {

    static final String BAD_REQUEST = "BAD_REQUEST";
    static final String INVALID_ATTRIBUTES = "90000900";
    static final String UNKNOWN_SKU_CODE = "13013";
    static final String INTERNAL_ERROR_CODE = "4000000";
    static final int MAX_MESSAGES = 25_000;
    static final String FULFILLMENT_AVAILABILITY = "fulfillment_availability";

    private static final Set<String> OPERATIONS = Set.of("UPDATE", "PARTIAL_UPDATE", "PATCH", "DELETE");
    private static final Set<String> PATCH_OPS = Set.of("add", "replace", "merge", "delete");
    private static final Pattern TOP_LEVEL_ATTRIBUTE = Pattern.compile("/attributes/([^/]+)");

    /** A change to apply when the feed is DONE. {@code quantity} null with {@code delete} false clears the quantity. */
    record Change(String sku, Integer quantity, boolean delete) {
    }

    /** The outcome of processing one document. */
    record Result(boolean fatal, ObjectNode report, List<Change> changes, int messages, int accepted, int invalid) {
    }

    private final ObjectMapper json;
    private final ListingCatalog catalog;

    ListingsFeedProcessor(ObjectMapper json, ListingCatalog catalog) {
        this.json = json;
        this.catalog = catalog;
    }

    Result process(String feedId, String sellerId, byte[] document) {
        JsonNode feed;
        try {
            feed = json.readTree(document);
        } catch (IOException e) {
            return fatal(feedId, sellerId, BAD_REQUEST, "The feed document is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (feed == null || !feed.isObject()) {
            return fatal(feedId, sellerId, BAD_REQUEST, "The feed document must be a JSON object with header and messages.");
        }
        JsonNode header = feed.path("header");
        if (!header.isObject() || !header.path("sellerId").isTextual() || !"2.0".equals(header.path("version").asText(null))) {
            return fatal(feedId, sellerId, BAD_REQUEST, "The feed header must have sellerId and version \"2.0\".");
        }
        if (!sellerId.equals(header.get("sellerId").asText())) {
            return fatal(feedId, sellerId, BAD_REQUEST, "The header's sellerId '" + header.get("sellerId").asText()
                    + "' is not the selling partner that submitted the feed.");
        }
        JsonNode messages = feed.path("messages");
        if (!messages.isArray() || messages.isEmpty() || messages.size() > MAX_MESSAGES) {
            return fatal(feedId, sellerId, BAD_REQUEST, "The feed must have from 1 to " + MAX_MESSAGES + " messages.");
        }

        ArrayNode issues = json.createArrayNode();
        List<Change> changes = new ArrayList<>();
        Set<Long> seenIds = new HashSet<>();
        Map<String, Integer> acceptedQuantities = new LinkedHashMap<>();
        int accepted = 0;
        int invalid = 0;
        int warnings = 0;
        for (JsonNode message : messages) {
            MessageCheck check = check(message, seenIds);
            if (check.errors.isEmpty() && check.sku != null) {
                for (SandboxIssue armed : catalog.issuesFor(check.sku)) {
                    check.issue(armed.severity(), armed.code(), armed.message(), armed.attributeName());
                }
            }
            for (ObjectNode issue : check.issues) {
                issues.add(issue);
                if ("WARNING".equals(issue.path("severity").asText())) {
                    warnings++;
                }
            }
            if (check.hasError()) {
                invalid++;
            } else {
                accepted++;
                if (check.change != null) {
                    changes.add(check.change);
                    if (!check.change.delete()) {
                        acceptedQuantities.put(check.sku, check.change.quantity());
                    }
                }
            }
        }
        ObjectNode report = header(feedId, sellerId);
        report.set("issues", issues);
        ObjectNode summary = report.putObject("summary");
        summary.put("errors", (int) count(issues, "ERROR"));
        summary.put("warnings", warnings);
        summary.put("messagesProcessed", messages.size());
        summary.put("messagesAccepted", accepted);
        summary.put("messagesInvalid", invalid);
        addItems(header.path("report").path("includedData"), report, summary, acceptedQuantities);
        return new Result(false, report, changes, messages.size(), accepted, invalid);
    }

    /** The report of a feed the sandbox was told to fail: Amazon's internal-error wording, nothing applied. */
    ObjectNode injectedFatalReport(String feedId, String sellerId) {
        return fatal(feedId, sellerId, INTERNAL_ERROR_CODE, "An internal error has occurred. Please try again.").report();
    }

    private MessageCheck check(JsonNode message, Set<Long> seenIds) {
        MessageCheck check = new MessageCheck();
        if (!message.isObject()) {
            check.error(BAD_REQUEST, "Invalid parameters provided. Each message must be a JSON object.", null);
            return check;
        }
        JsonNode id = message.path("messageId");
        if (id.isIntegralNumber() && id.asLong() >= 1 && id.asLong() <= Integer.MAX_VALUE) {
            check.messageId = id.asLong();
        }
        check.sku = message.path("sku").isTextual() && !message.get("sku").asText().isEmpty() ? message.get("sku").asText() : null;
        if (check.messageId == null) {
            check.error(BAD_REQUEST, "Invalid parameters provided. messageId must be an integer from 1 to 2147483647.", null);
            return check;
        }
        if (!seenIds.add(check.messageId)) {
            check.error(BAD_REQUEST, "Invalid parameters provided. messageId " + check.messageId
                    + " is used by more than one message.", null);
            return check;
        }
        if (check.sku == null) {
            check.error(BAD_REQUEST, "Invalid parameters provided. sku is required.", null);
            return check;
        }
        String operation = message.path("operationType").asText("");
        if (!OPERATIONS.contains(operation)) {
            check.error(BAD_REQUEST, "Invalid parameters provided. operationType must be one of " + OPERATIONS + ".", null);
            return check;
        }
        if (!operationShapeIsValid(operation, message, check)) {
            return check;
        }
        if (!catalog.knows(check.sku) && !catalog.acceptUnknownSkus()) {
            check.error(UNKNOWN_SKU_CODE, "This SKU does not exist in the Amazon.com catalog. Your inventory data was "
                    + "not processed.", null);
            return check;
        }
        switch (operation) {
            case "DELETE" -> check.change = new Change(check.sku, null, true);
            case "PATCH" -> patch(message.get("patches"), check);
            default -> {
                JsonNode value = message.get("attributes").get(FULFILLMENT_AVAILABILITY);
                if (value != null) {
                    fulfillment(value, check);
                }
            }
        }
        return check;
    }

    /** The oneOf branches of the feed schema's message definition. */
    private static boolean operationShapeIsValid(String operation, JsonNode message, MessageCheck check) {
        boolean productType = message.path("productType").isTextual() && !message.get("productType").asText().isEmpty();
        boolean attributes = message.path("attributes").isObject() && !message.get("attributes").isEmpty();
        boolean patches = message.path("patches").isArray() && !message.get("patches").isEmpty();
        String problem = switch (operation) {
            case "PATCH" -> !productType || !patches ? "PATCH needs productType and patches"
                    : message.has("attributes") || message.has("requirements") ? "PATCH takes no attributes or requirements" : null;
            case "DELETE" -> message.has("productType") || message.has("attributes") || message.has("patches")
                    || message.has("requirements") ? "DELETE takes only messageId, sku and operationType" : null;
            case "PARTIAL_UPDATE" -> !productType || !attributes ? "PARTIAL_UPDATE needs productType and attributes"
                    : message.has("patches") || message.has("requirements") ? "PARTIAL_UPDATE takes no patches or requirements" : null;
            default -> !productType || !attributes ? "UPDATE needs productType and attributes"
                    : message.has("patches") ? "UPDATE takes no patches" : null;
        };
        if (problem != null) {
            check.error(BAD_REQUEST, "Invalid parameters provided. " + problem + ".", null);
            return false;
        }
        return true;
    }

    private void patch(JsonNode patches, MessageCheck check) {
        for (JsonNode patch : patches) {
            String op = patch.path("op").asText("");
            Matcher path = TOP_LEVEL_ATTRIBUTE.matcher(patch.path("path").asText(""));
            if (!PATCH_OPS.contains(op) || !path.matches()) {
                check.error(BAD_REQUEST, "Invalid parameters provided. A patch needs op add, replace, merge or delete "
                        + "and a path /attributes/<name> (only top-level attributes can be patched).", null);
                return;
            }
            if (!FULFILLMENT_AVAILABILITY.equals(path.group(1))) {
                continue; // other attributes are accepted and not modelled
            }
            if ("delete".equals(op)) {
                check.change = new Change(check.sku, null, false);
            } else if (!patch.path("value").isArray()) {
                check.error(BAD_REQUEST, "Invalid parameters provided. A patch value must be an array.", FULFILLMENT_AVAILABILITY);
                return;
            } else {
                fulfillment(patch.get("value"), check);
            }
        }
    }

    private static void fulfillment(JsonNode value, MessageCheck check) {
        if (!value.isArray()) {
            check.error(BAD_REQUEST, "Invalid parameters provided.", FULFILLMENT_AVAILABILITY);
            return;
        }
        for (JsonNode entry : value) {
            if (!entry.path("fulfillment_channel_code").isTextual()) {
                check.error(BAD_REQUEST, "Invalid parameters provided.", FULFILLMENT_AVAILABILITY);
                return;
            }
            String channel = entry.get("fulfillment_channel_code").asText();
            if (!"DEFAULT".equals(channel)) {
                check.error(INVALID_ATTRIBUTES, "The attributes are invalid. Fulfillment channel '" + channel
                        + "' is fulfilled by Amazon; its quantity cannot be set by the seller.", FULFILLMENT_AVAILABILITY);
                return;
            }
            JsonNode quantity = entry.get("quantity");
            if (quantity == null) {
                continue;
            }
            if (!quantity.isIntegralNumber()) {
                check.error(INVALID_ATTRIBUTES, "The attributes are invalid. 'quantity' must be an integer.", FULFILLMENT_AVAILABILITY);
                return;
            }
            if (quantity.asLong() < 0 || quantity.asLong() > Integer.MAX_VALUE) {
                check.error(INVALID_ATTRIBUTES, "The attributes are invalid. 'quantity' must be 0 or more, was "
                        + quantity.asLong() + ".", FULFILLMENT_AVAILABILITY);
                return;
            }
            check.change = new Change(check.sku, quantity.asInt(), false);
        }
    }

    private void addItems(JsonNode includedData, ObjectNode report, ObjectNode summary, Map<String, Integer> quantities) {
        if (!includedData.isArray() || includedData.isEmpty()) {
            return;
        }
        Set<String> wanted = new HashSet<>();
        includedData.forEach(name -> wanted.add(name.asText()));
        ArrayNode items = report.putArray("items");
        quantities.forEach((sku, quantity) -> {
            ObjectNode item = items.addObject();
            item.put("sku", sku);
            if (wanted.contains("fulfillmentAvailability")) {
                ObjectNode availability = item.putArray("fulfillmentAvailability").addObject();
                availability.put("fulfillmentChannelCode", "DEFAULT");
                if (quantity != null) {
                    availability.put("quantity", quantity);
                }
            }
            if (wanted.contains("issues")) {
                item.putArray("issues");
            }
        });
        ObjectNode itemSummary = summary.putObject("itemSummary");
        itemSummary.put("items", items.size());
        itemSummary.put("errors", 0);
        itemSummary.put("warnings", 0);
    }

    private Result fatal(String feedId, String sellerId, String code, String message) {
        ObjectNode report = header(feedId, sellerId);
        ObjectNode issue = report.putArray("issues").addObject();
        issue.put("code", code);
        issue.put("severity", "ERROR");
        issue.put("message", message);
        ObjectNode summary = report.putObject("summary");
        summary.put("errors", 1);
        summary.put("warnings", 0);
        summary.put("messagesProcessed", 0);
        summary.put("messagesAccepted", 0);
        summary.put("messagesInvalid", 0);
        return new Result(true, report, List.of(), 0, 0, 0);
    }

    private ObjectNode header(String feedId, String sellerId) {
        ObjectNode report = json.createObjectNode();
        ObjectNode header = report.putObject("header");
        header.put("sellerId", sellerId);
        header.put("version", "2.0");
        header.put("feedId", feedId);
        return report;
    }

    private static long count(ArrayNode issues, String severity) {
        long n = 0;
        for (JsonNode issue : issues) {
            if (severity.equals(issue.path("severity").asText())) {
                n++;
            }
        }
        return n;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** What one message turned out to be. */
    private final class MessageCheck {
        Long messageId;
        String sku;
        Change change;
        final List<ObjectNode> issues = new ArrayList<>();
        final List<ObjectNode> errors = new ArrayList<>();

        void error(String code, String message, String attributeName) {
            errors.add(issue("ERROR", code, message, attributeName));
        }

        ObjectNode issue(String severity, String code, String message, String attributeName) {
            ObjectNode issue = json.createObjectNode();
            if (messageId != null) {
                issue.put("messageId", messageId);
            }
            if (sku != null) {
                issue.put("sku", sku);
            }
            issue.put("code", code);
            issue.put("severity", severity);
            issue.put("message", message);
            if (attributeName != null) {
                issue.put("attributeName", attributeName);
            }
            issues.add(issue);
            return issue;
        }

        boolean hasError() {
            return issues.stream().anyMatch(issue -> "ERROR".equals(issue.path("severity").asText()));
        }
    }
}
