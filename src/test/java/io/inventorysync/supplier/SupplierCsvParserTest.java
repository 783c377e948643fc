package io.inventorysync.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.inventorysync.supplier.ParsedSnapshot.Trailer;

class SupplierCsvParserTest {

    private static ParsedSnapshot parse(SupplierCsvFormat format, String text) {
        return new SupplierCsvParser(format).parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void defaultFormatReadsSkuAndQuantityByHeaderNameInAnyOrderAndCase() {
        ParsedSnapshot parsed = parse(SupplierCsvFormat.DEFAULT, "Quantity,Description,SKU\n12,blue widget,A-1\n0,red,A-2\n");

        assertThat(parsed.rows()).extracting(SupplierRow::supplierSku, SupplierRow::quantity, SupplierRow::row)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A-1", 12, 1), org.assertj.core.groups.Tuple.tuple("A-2", 0, 2));
        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.dataRows()).isEqualTo(2);
        assertThat(parsed.trailer()).isEqualTo(Trailer.NOT_EXPECTED);
    }

    @Test
    void configuredHeaderNamesAndDelimiterAreUsed() {
        SupplierCsvFormat format = SupplierCsvFormat.DEFAULT.withDelimiter(';').withColumns(true, "Artikel", "Bestand", null);

        ParsedSnapshot parsed = parse(format, "\uFEFFArtikel;Bestand\n\"X;1\";7\nX-2 ; 3 \n");

        assertThat(parsed.rows()).extracting(SupplierRow::supplierSku, SupplierRow::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("X;1", 7), org.assertj.core.groups.Tuple.tuple("X-2", 3));
    }

    @Test
    void fileWithoutHeaderIsReadByPosition() {
        SupplierCsvFormat format = SupplierCsvFormat.DEFAULT.withDelimiter('\t').withColumns(false, "2", "1", null);

        ParsedSnapshot parsed = parse(format, "5\tB-1\n6\tB-2\n");

        assertThat(parsed.rows()).extracting(SupplierRow::supplierSku, SupplierRow::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("B-1", 5), org.assertj.core.groups.Tuple.tuple("B-2", 6));
    }

    @Test
    void locationColumnIsReadPerRow() {
        SupplierCsvFormat format = SupplierCsvFormat.DEFAULT.withColumns(true, "sku", "quantity", "warehouse");

        ParsedSnapshot parsed = parse(format, "sku,quantity,warehouse\nA,1,DS-EAST\nB,2,\n");

        assertThat(parsed.rows()).singleElement().satisfies(row -> assertThat(row.location()).isEqualTo("DS-EAST"));
        assertThat(parsed.rejected()).singleElement().satisfies(row -> assertThat(row.detail()).contains("no location"));
    }

    @Test
    void badRowsAreRejectedOneByOneAndTheOthersAreKept() {
        ParsedSnapshot parsed = parse(SupplierCsvFormat.DEFAULT, """
                sku,quantity
                OK-1,4
                NAN-1,abc
                NEG-1,-3
                FRAC-1,2.5
                WHOLE-1,7.00
                ,5
                SHORT-1
                BIG-1,1000000001
                OK-2,9
                """);

        assertThat(parsed.rows()).extracting(SupplierRow::supplierSku).containsExactly("OK-1", "WHOLE-1", "OK-2");
        assertThat(parsed.rows()).extracting(SupplierRow::quantity).containsExactly(4, 7, 9);
        assertThat(parsed.rejected()).extracting(RejectedRow::supplierSku)
                .containsExactly("NAN-1", "NEG-1", "FRAC-1", null, "SHORT-1", "BIG-1");
        assertThat(parsed.rejected()).allMatch(row -> row.reason().equals(RejectedRow.ROW_INVALID));
        assertThat(parsed.rejected()).extracting(RejectedRow::detail).satisfiesExactly(
                d -> assertThat(d).contains("row 2", "'abc'", "not a whole number"),
                d -> assertThat(d).contains("row 3", "negative"),
                d -> assertThat(d).contains("row 4", "not a whole number"),
                d -> assertThat(d).contains("row 6", "no SKU"),
                d -> assertThat(d).contains("row 7", "no quantity"),
                d -> assertThat(d).contains("row 8", "above"));
        assertThat(parsed.rejected().get(0).text()).isEqualTo("NAN-1,abc");
        assertThat(parsed.dataRows()).isEqualTo(9);
    }

    @Test
    void headerWithoutTheConfiguredColumnMakesTheFileUnreadable() {
        assertThatThrownBy(() -> parse(SupplierCsvFormat.DEFAULT, "item;stock\nA;1\n"))
                .isInstanceOfSatisfying(SnapshotFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo("header-invalid");
                    assertThat(e.getMessage()).contains("sku");
                });
    }

    @Test
    void headerNamingAColumnTwiceMakesTheFileUnreadable() {
        assertThatThrownBy(() -> parse(SupplierCsvFormat.DEFAULT, "sku,quantity,sku\nA,1,A\n"))
                .isInstanceOfSatisfying(SnapshotFormatException.class, e -> assertThat(e.reason()).isEqualTo("header-invalid"));
        assertThat(parse(SupplierCsvFormat.DEFAULT, "sku,quantity,,\nA,1,,\n").rows()).as("unnamed trailing columns")
                .hasSize(1);
    }

    @Test
    void brokenQuotingMakesTheFileUnreadable() {
        assertThatThrownBy(() -> parse(SupplierCsvFormat.DEFAULT, "sku,quantity\nA,1\n\"B,2\n"))
                .isInstanceOfSatisfying(SnapshotFormatException.class, e -> assertThat(e.reason()).isEqualTo("csv-malformed"));
    }

    @Test
    void emptyFileAndHeaderOnlyFileHaveNoDataRows() {
        assertThat(parse(SupplierCsvFormat.DEFAULT, "").dataRows()).isZero();
        assertThat(parse(SupplierCsvFormat.DEFAULT, "sku,quantity\n").dataRows()).isZero();
        assertThat(parse(SupplierCsvFormat.DEFAULT, "\n\n").dataRows()).isZero();
    }

    @Test
    void trailerIsSplitOffAndItsRowCountRead() {
        SupplierCsvFormat format = SupplierCsvFormat.DEFAULT.withTrailer(Pattern.compile("EOF;(?<rows>\\d+)"));

        ParsedSnapshot parsed = parse(format, "sku,quantity\nA,1\nB,2\nEOF;2\n\n");

        assertThat(parsed.trailer()).isEqualTo(Trailer.PRESENT);
        assertThat(parsed.trailerRows()).isEqualTo(2);
        assertThat(parsed.rows()).extracting(SupplierRow::supplierSku).containsExactly("A", "B");
    }

    @Test
    void fileCutShortHasNoTrailer() {
        SupplierCsvFormat format = SupplierCsvFormat.DEFAULT.withTrailer(Pattern.compile("END"));

        ParsedSnapshot parsed = parse(format, "sku,quantity\nA,1\nB,2");

        assertThat(parsed.trailer()).isEqualTo(Trailer.MISSING);
        assertThat(parsed.trailerRows()).isNull();
        assertThat(parsed.rows()).hasSize(2);
    }
}
