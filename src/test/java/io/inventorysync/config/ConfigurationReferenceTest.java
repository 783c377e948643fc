package io.inventorysync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inventorysync.config.PropertyReads.Read;

/**
 * Every property a user can set is known to the IDE and to the README.
 * <p>
 * Metadata comes from the pack's own classpath entry: {@code META-INF/spring-configuration-metadata.json}, generated
 * from the {@code @ConfigurationProperties} classes (with the additional file merged into it by the processor), and
 * {@code META-INF/additional-spring-configuration-metadata.json}, written by hand for the properties the YAML routes,
 * kamelets and {@code @Value} read by name. Reads by name are the {@code {{inventory-sync.…}}} placeholders of
 * {@code routes/} and {@code kamelets/}, and the {@code ${inventory-sync.…}} placeholders and
 * {@code @ConditionalOnProperty} names of {@code src/main/java}. The few placeholders the pack fills itself at start
 * ({@link PipelineCamelConfiguration#COMPUTED_PROPERTIES}) are no setting and must have no metadata.
 * <p>
 * README matching rule: a property is documented when the first column of a row of the "Configuration reference"
 * table names it in backquotes, either in full or, in a row that groups siblings, by its last segment after a full
 * name with the same parent ({@code `inventory-sync.alerts.renotify-interval` / `protect-below`}). A map or a list of
 * objects (per-monitor, per-channel overrides, per-velocity grace) is documented by a row that names one of its
 * entries ({@code `inventory-sync.monitors.grace.fast`} documents {@code inventory-sync.monitors.grace}).
 */
class ConfigurationReferenceTest {

    private static final String PREFIX = "inventory-sync.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> generated = metadata("META-INF/spring-configuration-metadata.json");
    private final Map<String, JsonNode> additional = metadata("META-INF/additional-spring-configuration-metadata.json");
    private final List<Read> routeReads = PropertyReads.camelPlaceholders(Path.of("routes"), Path.of("kamelets"));
    private final List<Read> javaReads = PropertyReads.javaReads(Path.of("src/main/java"));

    @Test
    void everyPropertyReadByNameInRoutesKameletsOrJavaHasMetadata() {
        assertThat(routeReads).extracting(Read::property).contains("inventory-sync.ledger.max-poll-records");
        assertThat(javaReads).extracting(Read::property).contains("inventory-sync.topics.replication-factor");

        List<String> undocumented = allReads()
                .filter(r -> !PipelineCamelConfiguration.COMPUTED_PROPERTIES.contains(r.property()))
                .filter(r -> !generated.containsKey(r.property()) && !additional.containsKey(r.property()))
                .map(r -> r.property() + " (" + r.where() + ")").toList();
        assertThat(undocumented).as("reads of properties without configuration metadata").isEmpty();
    }

    @Test
    void placeholdersThePackFillsItselfAreReadByTheRoutesAndOfferedToNobody() {
        assertThat(routeReads).extracting(Read::property).containsAll(PipelineCamelConfiguration.COMPUTED_PROPERTIES);
        assertThat(PipelineCamelConfiguration.COMPUTED_PROPERTIES)
                .as("computed at start, so a value set for them would be replaced")
                .noneMatch(generated::containsKey).noneMatch(additional::containsKey);
    }

    @Test
    void everyReadOfAPropertyWritesTheSameDefaultAsItsMetadata() {
        Map<String, List<Read>> byProperty = allReads().filter(Read::mayWriteDefault)
                .collect(Collectors.groupingBy(Read::property, TreeMap::new, Collectors.toList()));
        List<String> mismatches = new ArrayList<>();
        byProperty.forEach((property, reads) -> {
            Set<Optional<String>> written = reads.stream().map(Read::writtenDefault).collect(Collectors.toSet());
            if (written.size() > 1) {
                mismatches.add(property + " is read with different defaults: " + reads.stream()
                        .map(r -> r.writtenDefault().orElse("(none)") + " at " + r.where()).toList());
                return;
            }
            Optional<String> placeholderDefault = written.iterator().next();
            JsonNode described = additional.get(property);
            if (described != null && placeholderDefault.isPresent()
                    && !placeholderDefault.get().equals(defaultValue(described))) {
                mismatches.add(property + ": additional metadata says " + defaultValue(described)
                        + ", the placeholders " + placeholderDefault.get());
            }
            JsonNode bound = generated.get(property);
            if (bound != null && placeholderDefault.isPresent() && defaultValue(bound) != null
                    && !placeholderDefault.get().equals(defaultValue(bound))) {
                mismatches.add(property + ": generated metadata says " + defaultValue(bound)
                        + ", the placeholders " + placeholderDefault.get());
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyAdditionalEntryIsCompleteAndDescribesAPropertyThePackReads() {
        Set<String> read = allReads().map(Read::property).collect(Collectors.toSet());
        assertThat(additional).isNotEmpty();
        additional.forEach((name, entry) -> {
            assertThat(name).startsWith(PREFIX);
            assertThat(entry.path("type").asText()).as("type of %s", name).isNotBlank();
            assertThat(entry.path("description").asText()).as("description of %s", name).isNotBlank().endsWith(".");
            assertThat(entry.has("defaultValue")).as("%s has a defaultValue", name).isTrue();
            boolean bound = generated.containsKey(name) && generated.get(name).has("sourceType");
            assertThat(read.contains(name) || bound).as("%s is read by name or bound to a class", name).isTrue();
        });
    }

    @Test
    void everyInventorySyncPropertyIsNamedInTheReadmeConfigurationReference() {
        ReadmeConfigurationReference readme = ReadmeConfigurationReference.read(Path.of("README.md"));
        Map<String, JsonNode> all = new LinkedHashMap<>(generated);
        all.putAll(additional);
        Set<String> missing = new TreeSet<>();
        all.forEach((name, entry) -> {
            if (name.startsWith(PREFIX) && !readme.documents(name, matchedByPrefix(entry.path("type").asText()))) {
                missing.add(name);
            }
        });
        assertThat(missing).as("properties missing from README.md's Configuration reference").isEmpty();
    }

    @Test
    void readmeRowsThatGroupSiblingsNameEachOfThem() {
        assertThat(ReadmeConfigurationReference.namesInPropertyCell(
                " `inventory-sync.alerts.renotify-interval` / `protect-below` "))
                .containsExactly("inventory-sync.alerts.renotify-interval", "inventory-sync.alerts.protect-below");
        assertThat(ReadmeConfigurationReference.namesInPropertyCell(
                " `inventory-sync.alerts.mail.to` / `from`, `spring.mail.host` … "))
                .containsExactly("inventory-sync.alerts.mail.to", "inventory-sync.alerts.mail.from", "spring.mail.host");
    }

    /** Maps and lists of objects have entries, not one value: a row naming an entry documents them. */
    private static boolean matchedByPrefix(String type) {
        return type.startsWith("java.util.Map<")
                || (type.startsWith("java.util.List<") && !type.startsWith("java.util.List<java.lang."));
    }

    private static String defaultValue(JsonNode entry) {
        JsonNode value = entry.get("defaultValue");
        return value == null || value.isNull() ? null : value.asText();
    }

    private Stream<Read> allReads() {
        return Stream.concat(routeReads.stream(), javaReads.stream());
    }

    /** The named metadata file of the pack's own classes (not the ones the dependencies' jars carry). */
    private static Map<String, JsonNode> metadata(String resource) {
        URL classes = InventorySyncProperties.class.getProtectionDomain().getCodeSource().getLocation();
        Map<String, JsonNode> properties = new TreeMap<>();
        try (InputStream in = new URL(classes, resource).openStream()) {
            for (JsonNode property : JSON.readTree(in).path("properties")) {
                properties.put(property.path("name").asText(), property);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " beside " + classes, e);
        }
        return properties;
    }
}
