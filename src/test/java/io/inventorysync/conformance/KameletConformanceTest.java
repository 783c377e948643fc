package io.inventorysync.conformance;

import static io.inventorysync.conformance.ConformanceSupport.KAMELETS_DIR;
import static io.inventorysync.conformance.ConformanceSupport.KAMELET_SUFFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.inventorysync.conformance.KameletRules.Rule;
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
 * Every {@code kamelets/*.kamelet.yaml} must pass the Kamelet CRD and the catalog conventions of STYLE.md. The
 * fixture tests below prove each rule family rejects a file that breaks it, and only for that reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KameletConformanceTest {

    private KameletRules rules;

    @BeforeAll
    void loadSchemas() {
        rules = new KameletRules(
                ConformanceSupport.crdSchema(ConformanceSupport.KAMELET_CRD), ConformanceSupport.yamlDslSchema());
    }

    Stream<Path> projectKamelets() {
        return ConformanceSupport.filesIn(KAMELETS_DIR, KAMELET_SUFFIX).stream();
    }

    Stream<Path> wellFormedFixtureKamelets() {
        return ConformanceSupport.filesIn(ConformanceSupport.fixture("kamelets"), KAMELET_SUFFIX).stream();
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("projectKamelets")
    void projectKameletConformsToCrdAndCatalogConventions(Path kamelet) {
        assertThat(rules.check(kamelet)).as("rules broken by %s", kamelet).isEmpty();
    }

    /** Needs the project's kamelets/ folder populated; fails by design in a checkout that has none yet. */
    @Test
    @Tag("project-files")
    void kameletsFolderHoldsKamelets() {
        assertThat(projectKamelets())
                .as("%s must hold *%s files; the parameterized conformance test checks nothing without them",
                        KAMELETS_DIR.toAbsolutePath().normalize(), KAMELET_SUFFIX)
                .isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormedFixtureKamelets")
    void wellFormedKameletPassesEveryRule(Path kamelet) {
        assertThat(rules.check(kamelet)).isEmpty();
    }

    @Test
    void kameletWithAFieldTheCrdWouldPruneIsRejected() {
        assertRejectedOnlyFor("crd-pruned-field-sink", Rule.CRD_SCHEMA, "examples");
    }

    @Test
    void kameletWithAWronglyTypedCrdFieldIsRejected() {
        assertRejectedOnlyFor("crd-wrong-type-sink", Rule.CRD_SCHEMA, "deprecated");
    }

    @Test
    void kameletWithAnOldApiVersionIsRejected() {
        assertRejectedOnlyFor("old-api-version-sink", Rule.API_VERSION_AND_KIND, "camel.apache.org/v1alpha1");
    }

    @Test
    void kameletNamedUnlikeItsFileIsRejected() {
        assertRejectedOnlyFor("name-mismatch-sink", Rule.NAME, "fixture-other-sink");
    }

    @Test
    void kameletWhoseNameContradictsItsTypeLabelIsRejected() {
        assertRejectedOnlyFor("label-mismatch-sink", Rule.ROLE, "must end with '-source'");
    }

    @Test
    void kameletWithoutAnIconIsRejected() {
        assertRejectedOnlyFor("no-icon-sink", Rule.ICON, "is missing");
    }

    @Test
    void kameletWithALinkedIconIsRejected() {
        assertRejectedOnlyFor("linked-icon-sink", Rule.ICON, "not a link");
    }

    @Test
    void kameletWithoutProviderAndGroupAnnotationsIsRejected() {
        assertRejectedOnlyFor("missing-annotations-sink", Rule.ANNOTATIONS,
                "camel.apache.org/provider", "camel.apache.org/kamelet.group", "support.level");
    }

    @Test
    void kameletWithoutDefinitionTitleIsRejected() {
        assertRejectedOnlyFor("untitled-definition-sink", Rule.DEFINITION, "spec.definition.title");
    }

    @Test
    void kameletWithUndocumentedPropertiesIsRejected() {
        assertRejectedOnlyFor("undocumented-property-sink", Rule.PROPERTY_DOCS,
                "'endpointUrl' has no description",
                "'batchSize' title 'The Batch Size' must not start with 'The'",
                "'locationId' title 'location id' must be in Capitalised Words",
                "'apiToken' needs a type");
    }

    @Test
    void kameletRequiringAnUndefinedPropertyIsRejected() {
        assertRejectedOnlyFor("undefined-required-sink", Rule.REQUIRED, "'shopDomain'");
    }

    @Test
    void kameletWithAPlainTextSecretIsRejected() {
        assertRejectedOnlyFor("plain-secret-sink", Rule.SECRETS, "needs format: password",
                "needs x-descriptors: [urn:camel:group:credentials]");
    }

    @Test
    void kameletWithMismatchedPlaceholdersIsRejected() {
        assertRejectedOnlyFor("placeholder-misuse-sink", Rule.PLACEHOLDERS,
                "{{shopDomain}} but spec.definition.properties does not define 'shopDomain'",
                "'locationId' is optional without a default, so use {{?locationId}}",
                "'endpointUrl' is required or has a default, so use {{endpointUrl}}, not {{?endpointUrl}}",
                "'batchSize' is defined but spec.template never uses it");
    }

    @Test
    void sourceThatNeverReachesKameletSinkIsRejected() {
        assertRejectedOnlyFor("dead-end-source", Rule.TEMPLATE_SHAPE, "must end in a step to: kamelet:sink");
    }

    @Test
    void sinkThatDoesNotStartFromKameletSourceIsRejected() {
        assertRejectedOnlyFor("timer-driven-sink", Rule.TEMPLATE_SHAPE, "must start with from: uri: kamelet:source");
    }

    @Test
    void kameletWhoseTemplateIsNotYamlDslIsRejected() {
        assertRejectedOnlyFor("misspelt-step-sink", Rule.TEMPLATE_DSL, "setHeaderr");
    }

    @Test
    void kameletWithoutDataTypesIsRejected() {
        assertRejectedOnlyFor("no-data-types-sink", Rule.DATA_TYPES, "spec.dataTypes is missing");
    }

    @Test
    void sinkThatKeepsHttpDispatchHeadersIsRejected() {
        assertRejectedOnlyFor("header-leaking-sink", Rule.HEADER_HYGIENE, "add removeHeaders");
    }

    @Test
    void sinkThatRemovesHttpHeadersOnlyAfterCallingOutIsRejected() {
        assertRejectedOnlyFor("late-header-removal-sink", Rule.HEADER_HYGIENE, "comes after 'to {{endpointUrl}}");
    }

    @Test
    void sinkThatRemovesOnlySomeHttpDispatchHeadersIsRejected() {
        assertRejectedOnlyFor("narrow-header-removal-sink", Rule.HEADER_HYGIENE, "add removeHeaders");
    }

    @Test
    void kameletWithAMalformedDependencyIsRejected() {
        assertRejectedOnlyFor("malformed-dependency-sink", Rule.DEPENDENCIES, "'org.apache.camel:camel-http'");
    }

    @Test
    void kameletUsingOurClassesWithoutOurJarIsRejected() {
        assertRejectedOnlyFor("unpackaged-bean-action", Rule.DEPENDENCIES, "mvn:io.inventorysync:");
    }

    @Test
    void secretLookingNamesAreTellingApartFromDataKeys() {
        assertThat(List.of("apiToken", "password", "clientSecret", "apiKey", "key", "webhook-secret"))
                .allMatch(KameletPropertyRules::looksSecret);
        assertThat(List.of("tokenUrl", "partitionKey", "idempotencyKey", "accessKeyId", "keyStoreType", "topic"))
                .noneMatch(KameletPropertyRules::looksSecret);
    }

    @Test
    void titlesMustBeCapitalisedWordsNotStartingWithAnArticle() {
        assertThat(KameletPropertyRules.titleProblem("API Token")).isEmpty();
        assertThat(KameletPropertyRules.titleProblem("Poll Interval (ms)")).isEmpty();
        assertThat(KameletPropertyRules.titleProblem("Shopify Store Domain")).isEmpty();
        assertThat(KameletPropertyRules.titleProblem("A Topic")).isPresent();
        assertThat(KameletPropertyRules.titleProblem("Topic name")).isPresent();
    }

    @Test
    void placeholdersNameKameletPropertiesButNotPropertyFunctionsOrKameletParameters() {
        JsonNode template = JsonNodeFactory.instance.objectNode()
                .put("a", "{{env:HOME}}/{{routeId}}/{{?shop}}")
                .put("b", "{{batchSize:50}} {{sys:user.name}}");
        assertThat(Placeholder.in(template))
                .extracting(Placeholder::name, Placeholder::optional)
                .containsExactly(tuple("shop", true), tuple("batchSize", false));
    }

    private void assertRejectedOnlyFor(String badFixture, Rule rule, String... messageFragments) {
        Path file = ConformanceSupport.fixture("bad-kamelets/" + badFixture + KAMELET_SUFFIX);
        List<Violation> violations = rules.check(file);
        assertThat(violations).as("%s must break a rule", badFixture).isNotEmpty();
        assertThat(violations).as("%s must break %s and nothing else", badFixture, rule)
                .allMatch(violation -> violation.rule() == rule);
        for (String fragment : messageFragments) {
            assertThat(violations).as("%s must be reported for '%s'", badFixture, fragment)
                    .anyMatch(violation -> violation.message().contains(fragment));
        }
    }
}
