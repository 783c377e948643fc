package io.inventorysync.conformance;

/**
 * One broken rule in one file. The rule is kept apart from the message so fixture tests can prove a bad file
 * fails for the reason it was written for, and for no other.
 */
record Violation(Enum<?> rule, String message) {

    @Override
    public String toString() {
        return rule.name().toLowerCase().replace('_', '-') + ": " + message;
    }
}
