package io.inventorysync.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The property names the README's "Configuration reference" table documents, read from the first column of each row.
 * A row may group siblings after a full name: {@code `inventory-sync.alerts.renotify-interval` / `protect-below`}
 * names {@code inventory-sync.alerts.renotify-interval} and {@code inventory-sync.alerts.protect-below}. So a quoted
 * name with a dot is taken as it stands, and a quoted name without one as a sibling of the full name before it in the
 * same cell.
 */
final class ReadmeConfigurationReference {

    private static final String SECTION = "## Configuration reference";
    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");

    private final Set<String> names;

    private ReadmeConfigurationReference(Set<String> names) {
        this.names = names;
    }

    static ReadmeConfigurationReference read(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf(SECTION);
        if (start < 0) {
            throw new IllegalStateException(readme + " has no '" + SECTION + "' section");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("|")) {
                names.addAll(namesInPropertyCell(line.split("\\|", -1)[1]));
            }
        }
        return new ReadmeConfigurationReference(names);
    }

    static Set<String> namesInPropertyCell(String cell) {
        Set<String> names = new LinkedHashSet<>();
        String parent = null;
        Matcher quoted = QUOTED.matcher(cell);
        while (quoted.find()) {
            String name = quoted.group(1).trim();
            if (name.contains(".")) {
                names.add(name);
                parent = name.substring(0, name.lastIndexOf('.'));
            } else if (parent != null) {
                names.add(parent + "." + name);
            }
        }
        return names;
    }

    Set<String> names() {
        return names;
    }

    /**
     * Whether a row names the property; a map or a list of objects (per-channel or per-monitor overrides, ladder
     * steps) counts as named when a row names one of its entries, e.g. {@code inventory-sync.monitors.grace.fast}
     * for {@code inventory-sync.monitors.grace}.
     */
    boolean documents(String property, boolean matchedByPrefix) {
        if (names.contains(property)) {
            return true;
        }
        return matchedByPrefix && names.stream().anyMatch(n -> n.startsWith(property + ".") || n.startsWith(property + "["));
    }
}
