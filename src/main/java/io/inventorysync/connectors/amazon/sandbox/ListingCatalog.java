package io.inventorysync.connectors.amazon.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The seller's listings (SKU → MFN quantity) and the issues armed per SKU. Thread-safe. */
final class ListingCatalog {

    private final Clock clock;
    private final Map<String, SandboxListing> listings = new TreeMap<>();
    private final Map<String, List<SandboxIssue>> issues = new TreeMap<>();
    private volatile boolean acceptUnknownSkus;

    ListingCatalog(boolean acceptUnknownSkus, Clock clock) {
        this.acceptUnknownSkus = acceptUnknownSkus;
        this.clock = clock;
    }

    synchronized boolean knows(String sku) {
        return listings.containsKey(sku);
    }

    synchronized Optional<SandboxListing> get(String sku) {
        return Optional.ofNullable(listings.get(sku));
    }

    synchronized List<SandboxListing> all() {
        return new ArrayList<>(listings.values());
    }

    /** Sets the quantity, creating the listing if needed; null removes the quantity but keeps the listing. */
    synchronized SandboxListing setQuantity(String sku, Integer quantity) {
        String now = clock.instant().toString();
        SandboxListing before = listings.get(sku);
        SandboxListing after = new SandboxListing(sku, quantity, before == null ? now : before.createdAt(), now);
        listings.put(sku, after);
        return after;
    }

    synchronized void register(Collection<String> skus) {
        String now = clock.instant().toString();
        skus.forEach(sku -> listings.putIfAbsent(sku, new SandboxListing(sku, null, now, now)));
    }

    synchronized boolean delete(String sku) {
        return listings.remove(sku) != null;
    }

    synchronized void addIssue(SandboxIssue issue) {
        issues.computeIfAbsent(issue.sku(), k -> new ArrayList<>()).add(issue);
    }

    synchronized List<SandboxIssue> issuesFor(String sku) {
        return List.copyOf(issues.getOrDefault(sku, List.of()));
    }

    synchronized List<SandboxIssue> issues() {
        return issues.values().stream().flatMap(List::stream).toList();
    }

    synchronized void clearIssues() {
        issues.clear();
    }

    boolean acceptUnknownSkus() {
        return acceptUnknownSkus;
    }

    void setAcceptUnknownSkus(boolean accept) {
        this.acceptUnknownSkus = accept;
    }

    synchronized void clear(boolean acceptUnknown) {
        listings.clear();
        issues.clear();
        this.acceptUnknownSkus = acceptUnknown;
    }
}
