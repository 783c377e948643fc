package io.inventorysync.supplier;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.boot.convert.DurationStyle;

import io.inventorysync.connector.ConnectorConfigException;
import io.inventorysync.connector.ConnectorDefinition;

/**
 * A {@code type: supplier-feed} connector file, checked. Every setting, its default and meaning:
 * <ul>
 * <li>{@code schedule} (route template; default {@code 0 0/15 * * * ?}): Quartz cron of the polls</li>
 * <li>{@code directory} or {@code url} (one is required): a local directory to pick the newest matching file
 *     from, an {@code http(s)://} URL to download, or an {@code sftp://host[:port]/dir} directory to pick the
 *     newest matching file from; relative directories are against the working directory</li>
 * <li>{@code fileName} ({@code *.csv}): glob of snapshot files in the directory</li>
 * <li>{@code minFileAge} ({@code 5s}): files younger than this may still be being written and wait</li>
 * <li>{@code archiveDirectory} (none; directory feeds only): move handled files there; without it they stay,
 *     recognised by their hash</li>
 * <li>{@code username}, {@code password} (none): HTTP basic authentication; for SFTP the user (required) and
 *     its password</li>
 * <li>{@code privateKey} (none): SFTP only, a private key file to authenticate with (OpenSSH or PEM)</li>
 * <li>{@code hostKey} (required for SFTP): the server's host key fingerprint, {@code SHA256:...}</li>
 * <li>{@code timeout} ({@code 30s}): HTTP and SFTP connect and response timeout</li>
 * <li>{@code maxFileBytes} ({@code 67108864}): larger files fail the poll</li>
 * <li>{@code delimiter} ({@code ,}): one character, or {@code tab}</li>
 * <li>{@code header} ({@code true}): whether the first line names the columns</li>
 * <li>{@code skuColumn}, {@code quantityColumn} ({@code sku}, {@code quantity} with a header, {@code 1}, {@code 2}
 *     without): a header name (case-insensitive) or a 1-based position</li>
 * <li>{@code locationColumn} (none): a column with our location id per row, which must be one of the file's
 *     {@code locations}; without it every row is for the one location in {@code locations}</li>
 * <li>{@code charset} ({@code UTF-8})</li>
 * <li>{@code trailer} (none): regular expression the last line of a complete file matches; a named group
 *     {@code rows} must equal the data rows, e.g. {@code EOF;(?<rows>\d+)}</li>
 * <li>{@code minRows} ({@code 1}): fewer data rows quarantine the file</li>
 * <li>{@code maxZeroedShare} ({@code 0.5}): a file setting a larger share of the supplier's stocked SKUs to 0 is
 *     quarantined</li>
 * <li>{@code missingSku} ({@code zero}): {@code zero} or {@code keep}, for a SKU the last snapshot had and this one
 *     has no row for</li>
 * <li>{@code emit} ({@code changed}): {@code changed} or {@code all} counts become events</li>
 * <li>{@code keepFiles} ({@code 10}): applied files kept in PostgreSQL per supplier (older ones are pruned)</li>
 * <li>{@code maxRowDeadLetters} ({@code 500}): most rejected-row dead letters per snapshot (all are counted)</li>
 * </ul>
 */
public record SupplierFeedSettings(String name, List<String> locations, Path mappingFile, Path directory, String fileName,
        Duration minFileAge, Path archiveDirectory, URI url, String username, String password, Path privateKey,
        String hostKey, Duration timeout,
        long maxFileBytes, SupplierCsvFormat format, SnapshotGuard guard, MissingSkuPolicy missingSku, boolean emitAll,
        int keepFiles, int maxRowDeadLetters) {

    public static final String TYPE = "supplier-feed";

    static final Set<String> KNOWN = Set.of("schedule", "directory", "fileName", "minFileAge", "archiveDirectory", "url",
            "username", "password", "privateKey", "hostKey", "timeout", "maxFileBytes", "delimiter", "header", "skuColumn", "quantityColumn",
            "locationColumn", "charset", "trailer", "minRows", "maxZeroedShare", "missingSku", "emit", "keepFiles",
            "maxRowDeadLetters", "velocityClass", "monitorGrace", "monitorTimeout", "monitorPingUrl",
            "monitorPingProtocol");

    public static SupplierFeedSettings from(ConnectorDefinition connector) {
        Reader s = new Reader(connector);
        for (String key : connector.settings().keySet()) {
            if (!KNOWN.contains(key)) {
                throw s.error("unknown setting '" + key + "' for type " + TYPE + "; known: " + KNOWN);
            }
        }
        boolean header = s.bool("header", true);
        String locationColumn = s.text("locationColumn", null);
        if (connector.locations().isEmpty() || (locationColumn == null && connector.locations().size() != 1)) {
            throw s.error("a supplier feed needs 'locations' with the one location it stocks"
                    + " (several only with settings.locationColumn)");
        }
        String directory = s.text("directory", null);
        String url = s.text("url", null);
        if ((directory == null) == (url == null)) {
            throw s.error("a supplier feed needs exactly one of settings.directory and settings.url");
        }
        URI uri = url == null ? null : URI.create(url);
        String scheme = uri == null ? null : String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        if (uri != null && !Set.of("http", "https", "sftp").contains(scheme)) {
            throw s.error("settings.url must be http://, https:// or sftp://, was " + uri.getScheme());
        }
        if ("sftp".equals(scheme) && (s.text("username", null) == null || s.text("hostKey", null) == null
                || (s.text("password", null) == null && s.text("privateKey", null) == null))) {
            throw s.error("an sftp:// feed needs settings.username, settings.hostKey (SHA256:... fingerprint of the"
                    + " server's host key) and settings.password or settings.privateKey");
        }
        if (directory == null && s.text("archiveDirectory", null) != null) {
            throw s.error("settings.archiveDirectory works with settings.directory only");
        }
        SupplierCsvFormat format = new SupplierCsvFormat(s.delimiter(), header,
                s.text("skuColumn", header ? "sku" : "1"), s.text("quantityColumn", header ? "quantity" : "2"),
                locationColumn, s.charset(), s.pattern("trailer"));
        if (!header && !(format.skuColumn().matches("\\d+") && format.quantityColumn().matches("\\d+")
                && (locationColumn == null || locationColumn.matches("\\d+")))) {
            throw s.error("without a header, skuColumn, quantityColumn and locationColumn are 1-based positions");
        }
        SnapshotGuard guard;
        try {
            guard = new SnapshotGuard(s.integer("minRows", 1), s.decimal("maxZeroedShare", 0.5));
        } catch (IllegalArgumentException e) {
            throw s.error(e.getMessage());
        }
        return new SupplierFeedSettings(connector.name(), connector.locations(), connector.mappingFile(),
                directory == null ? null : Path.of(directory), s.text("fileName", "*.csv"),
                s.duration("minFileAge", "5s"), s.path("archiveDirectory"), uri, s.text("username", null),
                s.text("password", null), s.path("privateKey"), s.text("hostKey", null), s.duration("timeout", "30s"), s.integer("maxFileBytes", 64 * 1024 * 1024),
                format, guard, s.choice("missingSku", MissingSkuPolicy.ZERO), "all".equals(s.oneOf("emit", "changed", "all")),
                s.integer("keepFiles", 10), s.integer("maxRowDeadLetters", 500));
    }

    /** Reads typed settings and names the file and setting in every error. */
    private record Reader(ConnectorDefinition connector) {

        ConnectorConfigException error(String problem) {
            return new ConnectorConfigException(connector.file(), problem);
        }

        String text(String key, String fallback) {
            return connector.setting(key, fallback);
        }

        boolean bool(String key, boolean fallback) {
            String value = text(key, String.valueOf(fallback)).toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw error("settings." + key + " must be true or false, was " + value);
            }
            return Boolean.parseBoolean(value);
        }

        int integer(String key, int fallback) {
            try {
                int value = Integer.parseInt(text(key, String.valueOf(fallback)));
                if (value < 0) {
                    throw error("settings." + key + " must not be negative");
                }
                return value;
            } catch (NumberFormatException e) {
                throw error("settings." + key + " must be a whole number");
            }
        }

        double decimal(String key, double fallback) {
            try {
                return Double.parseDouble(text(key, String.valueOf(fallback)));
            } catch (NumberFormatException e) {
                throw error("settings." + key + " must be a number");
            }
        }

        Duration duration(String key, String fallback) {
            try {
                return DurationStyle.detectAndParse(text(key, fallback));
            } catch (IllegalArgumentException e) {
                throw error("settings." + key + " must be a duration such as 5s or 500ms");
            }
        }

        Path path(String key) {
            String value = text(key, null);
            return value == null ? null : Path.of(value);
        }

        char delimiter() {
            String value = text("delimiter", ",");
            if (value.equalsIgnoreCase("tab") || value.equals("\\t")) {
                return '\t';
            }
            if (value.length() != 1) {
                throw error("settings.delimiter must be one character or 'tab', was '" + value + "'");
            }
            return value.charAt(0);
        }

        Charset charset() {
            try {
                return Charset.forName(text("charset", "UTF-8"));
            } catch (IllegalArgumentException e) {
                throw error("settings.charset names no character set Java knows");
            }
        }

        Pattern pattern(String key) {
            String value = text(key, null);
            try {
                return value == null ? null : Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw error("settings." + key + " is not a regular expression: " + e.getDescription());
            }
        }

        String oneOf(String key, String fallback, String... others) {
            String value = text(key, fallback).toLowerCase(Locale.ROOT);
            if (!value.equals(fallback) && !List.of(others).contains(value)) {
                throw error("settings." + key + " must be one of " + fallback + ", " + String.join(", ", others));
            }
            return value;
        }

        MissingSkuPolicy choice(String key, MissingSkuPolicy fallback) {
            String value = oneOf(key, fallback.name().toLowerCase(Locale.ROOT), "keep", "zero");
            return MissingSkuPolicy.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
