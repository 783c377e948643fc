package io.inventorysync.connectors.shopify.sandbox;

/**
 * What the sandbox has seen since start or the last reset ({@code GET /sandbox/requests}).
 *
 * @param requests                    GraphQL calls received (any outcome)
 * @param mutationsReceived           authenticated, parsed mutation calls, including throttled and rejected ones
 * @param mutationsApplied            mutations that changed the stored levels
 * @param mutationsWithUserErrors     mutations answered with userErrors (and so applied nothing)
 * @param queries                     authenticated, parsed query calls
 * @param maxQuantitiesInOneMutation  the largest input list seen in one mutation (to prove batch caps)
 * @param throttled                   THROTTLED answers
 * @param http5xx                     injected 5xx answers
 * @param unauthorized                401 answers
 */
public record SandboxStats(long requests, long mutationsReceived, long mutationsApplied, long mutationsWithUserErrors,
                           long queries, int maxQuantitiesInOneMutation, long throttled, long http5xx,
                           long unauthorized) {
}
