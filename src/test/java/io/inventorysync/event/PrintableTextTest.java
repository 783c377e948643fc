package io.inventorysync.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTextTest {

    @Test
    void identifiersInAnyScriptAndWithEmojiArePrintable() {
        assertThat(PrintableText.isPrintable("SKU-42 Größe XL 靴 👟")).isTrue();
        assertThat(PrintableText.isPrintable("")).isTrue();
        assertThat(PrintableText.isPrintable(null)).isTrue();
    }

    @Test
    void controlCharactersOfEveryRangeAreNot() {
        assertThat(PrintableText.isPrintable("SKU\u0000")).as("NUL").isFalse();
        assertThat(PrintableText.isPrintable("SKU\nforged log line")).as("C0").isFalse();
        assertThat(PrintableText.isPrintable("SKU\u007f")).as("DEL").isFalse();
        assertThat(PrintableText.isPrintable("SKU\u0085")).as("C1").isFalse();
    }

    @Test
    void unpairedSurrogatesAreNotButAPairIs() {
        assertThat(PrintableText.isPrintable("\ud83d\udc5f")).isTrue();
        assertThat(PrintableText.isPrintable("SKU\ud83d")).as("lone high surrogate at the end").isFalse();
        assertThat(PrintableText.isPrintable("\udc5fSKU")).as("lone low surrogate").isFalse();
        assertThat(PrintableText.isPrintable("\ud83d\ud83d\udc5f")).as("high surrogate followed by a pair").isFalse();
    }
}
