package io.inventorysync.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every place the pack reads an {@code inventory-sync.*} property by its name rather than through a
 * {@code @ConfigurationProperties} class: Camel placeholders {@code {{inventory-sync.x:default}}} in the YAML routes and
 * kamelets, Spring placeholders {@code ${inventory-sync.x:default}} in Java ({@code @Value}) and
 * {@code @ConditionalOnProperty} names.
 */
final class PropertyReads {

    /** One read: the property, the default written there (none for a placeholder without one), and where. */
    record Read(String property, Optional<String> writtenDefault, boolean mayWriteDefault, String where) {
    }

    private static final String NAME = "(inventory-sync\\.[a-z0-9.\\-\\[\\]]+)";
    private static final Pattern CAMEL_PLACEHOLDER = Pattern.compile("\\{\\{\\??" + NAME + "(?::([^}]*))?}}");
    private static final Pattern SPRING_PLACEHOLDER = Pattern.compile("\\$\\{" + NAME + "(?::([^}]*))?}");
    private static final Pattern CONDITION = Pattern.compile("@ConditionalOnProperty\\(\\s*(?:name|value)\\s*=\\s*\"" + NAME + "\"");

    private PropertyReads() {
    }

    /** The Camel placeholders of every {@code *.yaml} file below these folders. */
    static List<Read> camelPlaceholders(Path... folders) {
        List<Read> reads = new ArrayList<>();
        for (Path folder : folders) {
            for (Path file : files(folder, ".yaml")) {
                collect(file, CAMEL_PLACEHOLDER, true, reads);
            }
        }
        return reads;
    }

    /** The Spring placeholders and {@code @ConditionalOnProperty} names of every Java source below this folder. */
    static List<Read> javaReads(Path sources) {
        List<Read> reads = new ArrayList<>();
        for (Path file : files(sources, ".java")) {
            collect(file, SPRING_PLACEHOLDER, true, reads);
            // a condition names a property but has no place for a default
            collect(file, CONDITION, false, reads);
        }
        return reads;
    }

    private static void collect(Path file, Pattern pattern, boolean placeholder, List<Read> reads) {
        List<String> lines = read(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = pattern.matcher(lines.get(i));
            while (m.find()) {
                Optional<String> writtenDefault = placeholder ? Optional.ofNullable(m.group(2)) : Optional.empty();
                reads.add(new Read(m.group(1), writtenDefault, placeholder, file + ":" + (i + 1)));
            }
        }
    }

    private static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
