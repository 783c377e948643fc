package io.inventorysync.conformance;

import static io.inventorysync.conformance.ConformanceSupport.EXAMPLES_DIR;
import static io.inventorysync.conformance.ConformanceSupport.KAMELETS_DIR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
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
 * Every Camel K {@code Pipe} and {@code Integration} under {@code examples/} must pass its CRD (closed the way the
 * API server prunes) and use only kamelets of {@code kamelets/}, in the right role, with the properties they define
 * and require.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CamelKResourceConformanceTest {

    private CamelKResourceRules projectRules;
    private CamelKResourceRules fixtureRules;

    @BeforeAll
    void loadSchemas() {
        JsonSchema pipeCrd = ConformanceSupport.crdSchema(ConformanceSupport.PIPE_CRD);
        JsonSchema integrationCrd = ConformanceSupport.crdSchema(ConformanceSupport.INTEGRATION_CRD);
        JsonSchema yamlDsl = ConformanceSupport.yamlDslSchema();
        KameletCatalog projectKamelets = KameletCatalog.of(KAMELETS_DIR);
        KameletCatalog fixtureKamelets = KameletCatalog.of(ConformanceSupport.fixture("kamelets"));
        projectRules = new CamelKResourceRules(pipeCrd, integrationCrd,
                new RouteRules(yamlDsl, projectKamelets), projectKamelets);
        fixtureRules = new CamelKResourceRules(pipeCrd, integrationCrd,
                new RouteRules(yamlDsl, fixtureKamelets), fixtureKamelets);
    }

    /** One Pipe or Integration document and the file it came from, named for test reports. */
    record CamelKResource(Path file, JsonNode document) {
        @Override
        public String toString() {
            return file + " " + document.path("kind").asText() + "/" + document.path("metadata").path("name").asText();
        }
    }

    Stream<CamelKResource> projectCamelKResources() {
        return camelKResourcesUnder(EXAMPLES_DIR);
    }

    Stream<CamelKResource> wellFormedFixtureResources() {
        return camelKResourcesUnder(ConformanceSupport.fixture("examples/complete"));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("projectCamelKResources")
    void projectPipeOrIntegrationConformsToCrdAndUsesExistingKamelets(CamelKResource resource) {
        assertThat(projectRules.check(resource.document())).as("rules broken by %s", resource).isEmpty();
    }

    @Test
    void everyKameletHasAPipeExample() {
        assertThat(KameletCatalog.of(KAMELETS_DIR).namesMissingFrom(
                CamelKResourceRules.kameletsUsedByPipesIn(ConformanceSupport.filesUnder(EXAMPLES_DIR, ".yaml"))))
                .as("kamelets that no Pipe under %s uses", EXAMPLES_DIR)
                .isEmpty();
    }

    /** Needs the project's examples/ folder populated; fails by design in a checkout that has none yet. */
    @Test
    @Tag("project-files")
    void examplesFolderHoldsPipes() {
        assertThat(projectCamelKResources().map(CamelKResource::document))
                .as("%s must hold Camel K Pipe examples", EXAMPLES_DIR.toAbsolutePath().normalize())
                .anyMatch(resource -> resource.path("kind").asText().equals("Pipe"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormedFixtureResources")
    void wellFormedPipeOrIntegrationPassesEveryRule(CamelKResource resource) {
        assertThat(fixtureRules.check(resource.document())).as("rules broken by %s", resource).isEmpty();
    }

    @Test
    void onlyPipesAndIntegrationsOfAFileAreChecked() {
        Path pipeWithSecret = ConformanceSupport.fixture("examples/complete/fixture-channel-sink/kafka-to-channel.yaml");
        assertThat(ConformanceSupport.readYamlDocuments(pipeWithSecret)).hasSize(2);
        assertThat(CamelKResourceRules.resourcesIn(pipeWithSecret))
                .singleElement().satisfies(resource -> assertThat(resource.path("kind").asText()).isEqualTo("Pipe"));
    }

    @Test
    void pipeUsingAKameletThatDoesNotExistIsRejected() {
        assertRejectedOnlyFor("pipe-unknown-kamelet", CamelKResourceRules.Rule.KAMELET_REFERENCE,
                "spec.source uses kamelet 'supplier-ftp-source'");
    }

    @Test
    void pipePluggingASinkKameletInAsSourceIsRejected() {
        assertRejectedOnlyFor("pipe-wrong-role", CamelKResourceRules.Rule.KAMELET_REFERENCE,
                "spec.source needs a source kamelet but 'fixture-channel-sink' is a sink");
    }

    @Test
    void pipeSettingAPropertyTheKameletDoesNotDefineIsRejected() {
        assertRejectedOnlyFor("pipe-unknown-property", CamelKResourceRules.Rule.KAMELET_PROPERTIES,
                "spec.sink sets 'batchSzie'");
    }

    @Test
    void pipeLeavingOutARequiredKameletPropertyIsRejected() {
        assertRejectedOnlyFor("pipe-missing-required", CamelKResourceRules.Rule.KAMELET_PROPERTIES,
                "spec.sink leaves out 'apiToken'");
    }

    @Test
    void pipeWithAFieldTheCrdWouldPruneIsRejected() {
        assertRejectedOnlyFor("pipe-pruned-field", CamelKResourceRules.Rule.CRD_SCHEMA, "'parameters'");
    }

    @Test
    void pipeWithoutADeadLetterSinkIsRejected() {
        assertRejectedOnlyFor("pipe-without-error-handler", CamelKResourceRules.Rule.ERROR_HANDLER,
                "spec.errorHandler.sink.endpoint");
    }

    @Test
    void integrationWithAWronglyTypedFieldIsRejected() {
        assertRejectedOnlyFor("integration-wrong-type", CamelKResourceRules.Rule.CRD_SCHEMA, "replicas");
    }

    @Test
    void integrationWithAFlowThatIsNotYamlDslIsRejected() {
        assertRejectedOnlyFor("integration-invalid-flow", RouteRules.Rule.DSL_SCHEMA, "spec.flows:", "'too'");
    }

    @Test
    void kameletsWithoutAPipeExampleAreReported() {
        KameletCatalog kamelets = KameletCatalog.of(ConformanceSupport.fixture("kamelets"));
        assertThat(kamelets.namesMissingFrom(CamelKResourceRules.kameletsUsedByPipesIn(ConformanceSupport.filesUnder(
                ConformanceSupport.fixture("examples/incomplete"), ".yaml"))))
                .containsExactly("fixture-channel-sink", "fixture-dedup-action");
        assertThat(kamelets.namesMissingFrom(CamelKResourceRules.kameletsUsedByPipesIn(ConformanceSupport.filesUnder(
                ConformanceSupport.fixture("examples/complete"), ".yaml"))))
                .isEmpty();
    }

    private static Stream<CamelKResource> camelKResourcesUnder(Path dir) {
        return ConformanceSupport.filesUnder(dir, ".yaml").stream()
                .flatMap(file -> CamelKResourceRules.resourcesIn(file).stream()
                        .map(document -> new CamelKResource(file, document)));
    }

    private void assertRejectedOnlyFor(String badFixture, Enum<?> rule, String... messageFragments) {
        List<JsonNode> resources = CamelKResourceRules.resourcesIn(
                ConformanceSupport.fixture("camel-k/bad/" + badFixture + ".yaml"));
        assertThat(resources).as("%s must hold one Pipe or Integration", badFixture).hasSize(1);
        List<Violation> violations = fixtureRules.check(resources.get(0));
        assertThat(violations).as("%s must break a rule", badFixture).isNotEmpty();
        assertThat(violations).as("%s must break %s and nothing else", badFixture, rule)
                .allMatch(violation -> violation.rule() == rule);
        for (String fragment : messageFragments) {
            assertThat(violations).as("%s must be reported for '%s'", badFixture, fragment)
                    .anyMatch(violation -> violation.message().contains(fragment));
        }
    }
}
