package io.inventorysync.supplier;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.inventorysync.connector.ConnectorConfigException;

/**
 * The supplier's SKU → our SKU, from the supplier's mapping CSV (columns {@code supplierSku,sku}, any order, more
 * columns ignored, {@code #} comments allowed). Without a mapping file every supplier SKU is taken as our SKU.
 * {@link #sha256()} identifies the file's content, so that a snapshot is read again after the mapping changed.
 */
public final class SupplierSkuMapping {

    private static final String NO_FILE = "identity";

    private final Map<String, String> ourSkus;
    private final String sha256;

    private SupplierSkuMapping(Map<String, String> ourSkus, String sha256) {
        this.ourSkus = ourSkus;
        this.sha256 = sha256;
    }

    public static SupplierSkuMapping identity() {
        return new SupplierSkuMapping(null, NO_FILE);
    }

    /** Reads the file; a missing file, a missing column, an empty or duplicate SKU is a configuration error. */
    public static SupplierSkuMapping read(Path file) {
        try {
            byte[] content = Files.readAllBytes(file);
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).setCommentMarker('#').get();
            Map<String, String> ourSkus = new HashMap<>();
            try (CSVParser parser = CSVParser.parse(new StringReader(new String(content, StandardCharsets.UTF_8)), format)) {
                if (!parser.getHeaderNames().contains("supplierSku") || !parser.getHeaderNames().contains("sku")) {
                    throw new ConnectorConfigException(file, "supplier mapping CSV needs the columns supplierSku,sku");
                }
                for (CSVRecord row : parser) {
                    String supplierSku = row.get("supplierSku");
                    String sku = row.get("sku");
                    if (supplierSku.isEmpty() || sku.isEmpty() || sku.length() > 128) {
                        throw new ConnectorConfigException(file, "line " + parser.getCurrentLineNumber()
                                + ": supplierSku and sku must be non-empty (sku at most 128 characters)");
                    }
                    if (ourSkus.put(supplierSku, sku) != null) {
                        throw new ConnectorConfigException(file, "supplier SKU " + supplierSku + " is mapped twice");
                    }
                }
            }
            return new SupplierSkuMapping(Map.copyOf(ourSkus), sha256(content));
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new ConnectorConfigException(file, "cannot read supplier SKU mapping: " + e.getMessage(), e);
        }
    }

    public Optional<String> ourSku(String supplierSku) {
        return ourSkus == null ? Optional.of(supplierSku) : Optional.ofNullable(ourSkus.get(supplierSku));
    }

    public String sha256() {
        return sha256;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
