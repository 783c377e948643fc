package io.inventorysync.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSecretsTest {

    @Test
    void pairsAreReadInOrder() {
        assertThat(WebhookSecrets.parse("erp-main=secret1,pos=secret2"))
                .containsExactly(entry("erp-main", "secret1"), entry("pos", "secret2"));
    }

    @Test
    void secretMayContainEqualsSignsAndSpacesAroundEntriesAreIgnored() {
        assertThat(WebhookSecrets.parse(" erp-main = c2VjcmV0== , pos=p,"))
                .containsExactly(entry("erp-main", "c2VjcmV0=="), entry("pos", "p"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", ",", "erp-main", "=secret", "erp-main=", "erp-main=a,erp-main=b"})
    void malformedSpecIsRefused(String spec) {
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecrets.parse(spec));
    }

    @Test
    void errorMessagesNeverContainASecret() {
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecrets.parse("a=topsecret,topsecret2"))
                .withMessageNotContaining("topsecret");
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecrets.parse("a=topsecret,a=topsecret"))
                .withMessageNotContaining("topsecret");
    }

    @Test
    void resultCannotBeChanged() {
        assertThat(WebhookSecrets.parse("a=b")).isUnmodifiable();
    }

    private static Map.Entry<String, String> entry(String key, String value) {
        return Map.entry(key, value);
    }
}
