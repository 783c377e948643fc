package io.inventorysync.conformance;

import io.inventorysync.conformance.KameletRules.Rule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects a kamelet's violations once each: a misuse repeated in a template is one thing to fix. */
final class KameletFindings {

    private final Set<Violation> violations = new LinkedHashSet<>();

    void add(Rule rule, String message) {
        violations.add(new Violation(rule, message));
    }

    List<Violation> list() {
        return List.copyOf(violations);
    }
}
