package io.inventorysync.conformance;

import static io.inventorysync.conformance.ConformanceSupport.EXAMPLES_DIR;
import static io.inventorysync.conformance.ConformanceSupport.KAMELETS_DIR;
import static io.inventorysync.conformance.ConformanceSupport.ROUTES_DIR;
import static io.inventorysync.conformance.ConformanceSupport.ROUTE_SUFFIX;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import io.inventorysync.conformance.RouteRules.Rule;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code routes/*.camel.yaml} and {@code examples/**}{@code /*.camel.yaml} must load as YAML DSL (the schema
 * shipped in camel-yaml-dsl) and give every route, route configuration and route template a kebab-case id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteYamlConformanceTest {

    private JsonSchema yamlDsl;
    private RouteRules projectRules;
    private RouteRules fixtureRules;

    @BeforeAll
    void loadSchema() {
        yamlDsl = ConformanceSupport.yamlDslSchema();
        projectRules = new RouteRules(yamlDsl, KameletCatalog.of(KAMELETS_DIR));
        fixtureRules = new RouteRules(yamlDsl, KameletCatalog.of(ConformanceSupport.fixture("kamelets")));
    }

    Stream<Path> projectRoutesFiles() {
        return Stream.concat(ConformanceSupport.filesIn(ROUTES_DIR, ROUTE_SUFFIX).stream(),
                ConformanceSupport.filesUnder(EXAMPLES_DIR, ROUTE_SUFFIX).stream());
    }

    Stream<Path> wellFormedFixtureRoutesFiles() {
        return Stream.concat(ConformanceSupport.filesIn(ConformanceSupport.fixture("routes/good"), ROUTE_SUFFIX).stream(),
                ConformanceSupport.filesUnder(ConformanceSupport.fixture("examples/complete"), ROUTE_SUFFIX).stream());
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("projectRoutesFiles")
    void projectRoutesFileIsYamlDslWithNamedRoutes(Path routesFile) {
        assertThat(projectRules.check(routesFile)).as("rules broken by %s", routesFile).isEmpty();
    }

    @Test
    void routeIdsAreUniqueAcrossTheRoutesFolder() {
        assertThat(RouteRules.duplicateIds(ConformanceSupport.filesIn(ROUTES_DIR, ROUTE_SUFFIX))).isEmpty();
    }

    @Test
    void everyKameletHasAnExampleRoute() {
        KameletCatalog kamelets = KameletCatalog.of(KAMELETS_DIR);
        assertThat(kamelets.namesMissingFrom(
                RouteRules.kameletsUsedIn(ConformanceSupport.filesUnder(EXAMPLES_DIR, ROUTE_SUFFIX))))
                .as("kamelets that no %s/**/*%s uses", EXAMPLES_DIR, ROUTE_SUFFIX)
                .isEmpty();
    }

    /** Needs the project's routes/ folder populated; fails by design in a checkout that has none yet. */
    @Test
    @Tag("project-files")
    void routesFolderHoldsRoutes() {
        assertThat(ConformanceSupport.filesIn(ROUTES_DIR, ROUTE_SUFFIX))
                .as("%s must hold *%s files", ROUTES_DIR.toAbsolutePath().normalize(), ROUTE_SUFFIX)
                .isNotEmpty();
    }

    /** Needs the project's examples/ folder populated; fails by design in a checkout that has none yet. */
    @Test
    @Tag("project-files")
    void examplesFolderHoldsRoutes() {
        assertThat(ConformanceSupport.filesUnder(EXAMPLES_DIR, ROUTE_SUFFIX))
                .as("%s must hold *%s files beside the kamelets' Pipes", EXAMPLES_DIR.toAbsolutePath().normalize(),
                        ROUTE_SUFFIX)
                .isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormedFixtureRoutesFiles")
    void wellFormedRoutesFilePassesEveryRule(Path routesFile) {
        assertThat(fixtureRules.check(routesFile)).isEmpty();
    }

    @Test
    void routesFileWithAnUnknownStepIsRejected() {
        assertRejectedOnlyFor("unknown-step", Rule.DSL_SCHEMA, "'too'");
    }

    @Test
    void routeWithoutIdIsRejected() {
        assertRejectedOnlyFor("route-without-id", Rule.ROUTE_ID, "route has no id");
    }

    @Test
    void routeWithCamelCaseIdIsRejected() {
        assertRejectedOnlyFor("camel-case-id", Rule.ROUTE_ID, "'shopifyPush' must be kebab-case");
    }

    @Test
    void topLevelFromWithoutRouteIsRejected() {
        assertRejectedOnlyFor("bare-from", Rule.ROUTE_ID, "top-level from:");
    }

    @Test
    void routeConfigurationWithoutIdIsRejected() {
        assertRejectedOnlyFor("configuration-without-id", Rule.ROUTE_ID, "routeConfiguration has no id");
    }

    @Test
    void routeUsingAKameletThatDoesNotExistIsRejected() {
        assertRejectedOnlyFor("unknown-kamelet", Rule.KAMELET_REFERENCE, "kamelet:supplier-ftp-source");
    }

    @Test
    void routeIdDeclaredInTwoFilesIsRejected() {
        List<Violation> duplicates = RouteRules.duplicateIds(
                ConformanceSupport.filesIn(ConformanceSupport.fixture("routes/duplicate-ids"), ROUTE_SUFFIX));
        assertThat(duplicates).singleElement().satisfies(violation -> assertThat(violation.message())
                .contains("route id 'inventory-intake'", "erp.camel.yaml", "pos.camel.yaml"));
    }

    @Test
    void kameletsWithoutAnExampleRouteAreReported() {
        KameletCatalog kamelets = KameletCatalog.of(ConformanceSupport.fixture("kamelets"));
        assertThat(kamelets.namesMissingFrom(RouteRules.kameletsUsedIn(ConformanceSupport.filesUnder(
                ConformanceSupport.fixture("examples/incomplete"), ROUTE_SUFFIX))))
                .containsExactly("fixture-dedup-action", "fixture-webhook-source");
        assertThat(kamelets.namesMissingFrom(RouteRules.kameletsUsedIn(ConformanceSupport.filesUnder(
                ConformanceSupport.fixture("examples/complete"), ROUTE_SUFFIX))))
                .isEmpty();
    }

    private void assertRejectedOnlyFor(String badFixture, Rule rule, String... messageFragments) {
        List<Violation> violations = fixtureRules.check(ConformanceSupport.fixture("routes/bad/" + badFixture + ROUTE_SUFFIX));
        assertThat(violations).as("%s must break a rule", badFixture).isNotEmpty();
        assertThat(violations).as("%s must break %s and nothing else", badFixture, rule)
                .allMatch(violation -> violation.rule() == rule);
        for (String fragment : messageFragments) {
            assertThat(violations).as("%s must be reported for '%s'", badFixture, fragment)
                    .anyMatch(violation -> violation.message().contains(fragment));
        }
    }
}
