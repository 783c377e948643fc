package io.inventorysync.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.inventorysync.supplier.PollOutcome;
import io.inventorysync.supplier.SupplierFeedPoller;

/**
 * Bad supplier files through the real poller (PostgreSQL, Kafka, ledger): wrong columns, wrong and mixed encodings,
 * byte order marks, truncated files, unbalanced quotes, negative, fractional and non-numeric quantities, enormous
 * lines, empty files. A file that cannot be read whole is quarantined with its reason, a bad row is a row dead
 * letter, the poller keeps going, and the valid rows of the files it applies are applied exactly once.
 */
class SupplierCsvFuzzIT extends FuzzApp {

    static final int FILES = Integer.getInteger("fuzz.csv.files", 200);
    static final List<String> POOL = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "FZS-" + i).toList();

    @Autowired
    SupplierFeedPoller poller;

    @Autowired
    JdbcTemplate jdbc;

    /** One supplier's file layout. */
    record Layout(String supplier, String location, Path dir, Charset charset, String delimiter, String skuColumn,
            String quantityColumn, boolean trailer) {
    }

    static final Layout UTF8 = new Layout(CSV_SUPPLIER, SUPPLIER_LOCATION, CSV_DIR, StandardCharsets.UTF_8, ",", "sku",
            "quantity", false);
    static final Layout LATIN1 = new Layout(LATIN1_SUPPLIER, LATIN1_LOCATION, LATIN1_DIR, StandardCharsets.ISO_8859_1,
            ";", "artikel", "bestand", true);

    @Test
    void brokenFilesAreQuarantinedBadRowsAreDeadLetteredAndValidRowsAreAppliedExactlyOnce() throws Exception {
        Random random = FuzzSeed.random("supplier-csv");
        Files.writeString(SFTP_OUT.resolve("stock.csv"), "sku,quantity\nFZS-SFTP,17\n");
        Instant base = Instant.now().minusSeconds(4L * FILES);
        Map<String, Map<String, Long>> expected = new HashMap<>();
        Map<String, Integer> expectedEvents = new HashMap<>();
        Map<String, Integer> byKind = new TreeMap<>();
        Map<String, byte[]> lastContent = new HashMap<>();
        Map<String, Integer> byOutcome = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int badRows = 0;
        int validRows = 0;
        int rowDeadLettersExpected = 0;

        for (int i = 0; i < FILES; i++) {
            Layout layout = random.nextBoolean() ? UTF8 : LATIN1;
            Map<String, Long> accepted = expected.computeIfAbsent(layout.supplier(), s -> new HashMap<>());
            Map<String, Integer> valid = new LinkedHashMap<>();
            List<String> bad = new ArrayList<>();
            int validCount = 1 + random.nextInt(6);
            List<String> shuffled = new ArrayList<>(POOL);
            java.util.Collections.shuffle(shuffled, random);
            for (int v = 0; v < validCount; v++) {
                valid.put(shuffled.get(v), 1 + random.nextInt(1000));
            }
            int badCount = random.nextInt(5);
            for (int b = 0; b < badCount; b++) {
                bad.add(badRow(random, layout, i, b));
            }
            String fileKind = random.nextInt(100) < 35 ? pickFileDefect(random, layout) : "rows";
            byte[] content = file(layout, valid, bad, fileKind, random);
            byKind.merge(fileKind, 1, Integer::sum);

            Path target = layout.dir().resolve("stock.csv");
            Path temp = layout.dir().resolve(".stock.part");
            Files.write(temp, content);
            Files.setLastModifiedTime(temp, FileTime.from(base.plusSeconds(2L * i)));
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            PollOutcome outcome = poller.poll(layout.supplier());
            byOutcome.merge(outcome.name(), 1, Integer::sum);
            // a UTF-8 byte order mark is skipped; in a Latin-1 file it is three characters glued to the header
            PollOutcome wanted = fileKind.equals("rows") || fileKind.equals("utf8-bom") && layout == UTF8
                    ? PollOutcome.APPLIED
                    : fileKind.equals("over-max-bytes") ? PollOutcome.FAILED : PollOutcome.QUARANTINED;
            boolean sameFileAgain = java.util.Arrays.equals(content, lastContent.put(layout.supplier(), content));
            if (outcome == PollOutcome.UNCHANGED && sameFileAgain) {
                continue;
            }
            if (outcome != wanted) {
                failures.add("file " + i + " (" + layout.supplier() + ", " + fileKind + ", bad rows " + bad.size()
                        + ") -> " + outcome + ", expected " + wanted + ": " + preview(content));
                continue;
            }
            if (outcome == PollOutcome.QUARANTINED) {
                String reason = jdbc.queryForObject("SELECT reason FROM supplier_snapshot WHERE supplier = ? ORDER BY id DESC LIMIT 1",
                        String.class, layout.supplier());
                if (reason == null || reason.isBlank()) {
                    failures.add("file " + i + " quarantined without a reason");
                }
            }
            if (outcome == PollOutcome.APPLIED) {
                int rejected = jdbc.queryForObject("SELECT rows_rejected FROM supplier_snapshot WHERE supplier = ? ORDER BY id DESC LIMIT 1",
                        Integer.class, layout.supplier());
                if (rejected != bad.size()) {
                    failures.add("file " + i + " (" + fileKind + "): " + rejected + " rows rejected, expected " + bad.size()
                            + ": " + preview(content));
                }
                badRows += bad.size();
                rowDeadLettersExpected += bad.size();
                validRows += valid.size();
                for (Map.Entry<String, Integer> row : valid.entrySet()) {
                    Long before = accepted.put(row.getKey(), row.getValue().longValue());
                    if (before == null || before != row.getValue().longValue()) {
                        expectedEvents.merge(layout.supplier(), 1, Integer::sum);
                    }
                }
            }
        }
        assertThat(failures).as("supplier files not handled as expected (seed " + FuzzSeed.value() + ")").isEmpty();

        for (Layout layout : List.of(UTF8, LATIN1)) {
            Map<String, Long> counts = expected.getOrDefault(layout.supplier(), Map.of());
            await().atMost(patience()).untilAsserted(() -> {
                for (Map.Entry<String, Long> count : counts.entrySet()) {
                    assertThat(onHand(count.getKey(), layout.location())).as(layout.supplier() + " " + count.getKey())
                            .isEqualTo(count.getValue());
                }
            });
            int events = expectedEvents.getOrDefault(layout.supplier(), 0);
            await().atMost(patience()).untilAsserted(() -> assertThat(jdbc.queryForObject(
                    "SELECT count(*) FROM applied_event WHERE event_id LIKE ?", Long.class, layout.supplier() + "/%"))
                    .as("events applied for " + layout.supplier()).isEqualTo(events));
        }
        int deadLetters = rowDeadLettersExpected;
        await().atMost(patience()).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM dead_letter WHERE stage = 'supplier-feed' AND reason = 'row-invalid'", Long.class))
                .as("row dead letters").isEqualTo(deadLetters));
        await().atMost(patience()).untilAsserted(() -> assertThat(onHand("FZS-SFTP", SFTP_LOCATION)).isEqualTo(17));

        System.out.println("supplier csv fuzz seed=" + FuzzSeed.value() + ": " + FILES + " files " + byKind + " -> "
                + byOutcome + "; " + badRows + " bad rows in applied files, each a row dead letter; " + validRows
                + " valid rows, " + expectedEvents.values().stream().mapToInt(Integer::intValue).sum()
                + " changed counts applied exactly once; poller alive (SFTP supplier applied on schedule)");
    }

    private static String pickFileDefect(Random random, Layout layout) {
        List<String> defects = new ArrayList<>(List.of("empty", "header-only", "wrong-columns", "utf16-bom",
                "utf16-no-bom", "unbalanced-quote", "utf8-bom"));
        if (layout == UTF8) {
            defects.add("latin1-in-utf8");
            defects.add("over-max-bytes"); // only this supplier sets a small maxFileBytes
        } else {
            defects.add("truncated");
            defects.add("trailer-mismatch");
        }
        return defects.get(random.nextInt(defects.size()));
    }

    private static String badRow(Random random, Layout layout, int file, int b) {
        String d = layout.delimiter();
        String sku = "BAD-" + file + "-" + b;
        return switch (random.nextInt(11)) {
            case 0 -> sku + d + "-" + (1 + random.nextInt(100));
            case 1 -> sku + d + "abc";
            case 2 -> sku + d + "12.5";
            case 3 -> sku + d + "1e3";
            case 4 -> sku + d + "99999999999";
            case 5 -> sku;
            case 6 -> d + "5";
            case 7 -> "X".repeat(129 + random.nextInt(50_000)) + d + "5"; // an enormous line, under maxFileBytes
            case 8 -> sku + d;
            case 9 -> "BAD-\u0007-" + file + "-" + b + d + "5"; // inside: at either end it is trimmed like a space
            default -> sku + d + "0x10";
        };
    }

    private byte[] file(Layout layout, Map<String, Integer> valid, List<String> bad, String kind, Random random) {
        String d = layout.delimiter();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> row : valid.entrySet()) {
            lines.add(row.getKey() + d + row.getValue());
        }
        for (String row : bad) {
            lines.add(random.nextInt(lines.size() + 1), row);
        }
        String header = kind.equals("wrong-columns") ? "item" + d + "qty" : layout.skuColumn() + d + layout.quantityColumn();
        int rows = lines.size();
        if (kind.equals("header-only")) {
            lines.clear();
        }
        if (kind.equals("unbalanced-quote")) {
            lines.add(random.nextInt(lines.size() + 1), "\"BAD-QUOTE" + d + "5");
        }
        StringBuilder text = new StringBuilder(header).append('\n');
        lines.forEach(line -> text.append(line).append('\n'));
        if (layout.trailer()) {
            text.append("EOF;").append(kind.equals("trailer-mismatch") ? rows + 3 : kind.equals("header-only") ? 0 : rows).append('\n');
        }
        String body = text.toString();
        return switch (kind) {
            case "empty" -> new byte[0];
            case "utf16-bom" -> concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, body.getBytes(StandardCharsets.UTF_16BE));
            case "utf16-no-bom" -> body.getBytes(StandardCharsets.UTF_16LE);
            case "utf8-bom" -> layout == UTF8 ? concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    body.getBytes(StandardCharsets.UTF_8)) : concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    body.getBytes(layout.charset()));
            case "latin1-in-utf8" -> (body + "BAD-CAF\u00c9" + d + "4\n").getBytes(StandardCharsets.ISO_8859_1);
            case "truncated" -> java.util.Arrays.copyOf(body.getBytes(layout.charset()),
                    Math.max(1, body.length() - 2 - random.nextInt(Math.max(1, body.length() / 2))));
            case "over-max-bytes" -> concat(body.getBytes(layout.charset()),
                    ("BAD-BIG" + d + "1\n").repeat(30_000).getBytes(layout.charset()));
            default -> body.getBytes(layout.charset());
        };
    }

    private long onHand(String sku, String location) {
        return jdbc.query("SELECT on_hand FROM stock_position WHERE sku = ? AND location_id = ?", (rs, i) -> rs.getLong(1),
                sku, location).stream().findFirst().orElse(-1L);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static String preview(byte[] content) {
        String text = new String(content, 0, Math.min(content.length, 200), StandardCharsets.ISO_8859_1);
        return "[" + content.length + " bytes] " + text.replaceAll("\\p{Cntrl}", "?");
    }
}
