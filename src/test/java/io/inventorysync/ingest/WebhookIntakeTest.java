package io.inventorysync.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inventorysync.event.EventIdDeriver;
import io.inventorysync.event.EventType;
import io.inventorysync.event.EventValidator;
import io.inventorysync.event.FieldError;
import io.inventorysync.event.InventoryEvent;

class WebhookIntakeTest {

    private static final String ERP = "erp-main";
    private static final String ERP_SECRET = "erp-secret-5f1c";
    private static final Map<String, String> SECRETS = Map.of(ERP, ERP_SECRET, "pos", "pos-secret-77a0");
    private static final EventValidator VALIDATOR = new EventValidator();

    private static final String SEED = """
            {"event_type":"inventory.sale","sku":"WIDGET-BLU-L","location_id":"WH-EAST-001","quantity_change":-1,\
            "new_available":249,"order_id":"ORD-2026-38291","timestamp":"2026-03-15T14:22:03.412Z","source":"shopify"}""";
    private static final String RECEIVING = """
            {"event_type":"inventory.receiving","sku":"WIDGET-BLU-L","location_id":"WH-EAST-001",\
            "quantity_change":40,"timestamp":"2026-03-15T08:00:00+01:00"}""";
    private static final String TRANSFER = """
            {"event_id":"erp-tr-1","event_type":"inventory.transfer","sku":"WIDGET-BLU-L","location_id":"WH-EAST-001",\
            "destination_location_id":"STORE-BOS-01","quantity_change":-5,"timestamp":"2026-03-15T09:00:00Z"}""";

    private final WebhookIntake intake = new WebhookIntake(SECRETS, 4096, 3, VALIDATOR);
    private final ObjectMapper json = new ObjectMapper();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sign(String secret, byte[] body) {
        return new WebhookSigner(secret).signatureHeader(body);
    }

    private List<InventoryEvent> acceptFromErp(String body) {
        byte[] raw = bytes(body);
        return intake.accept(ERP, sign(ERP_SECRET, raw), raw);
    }

    private WebhookRejectedException rejectionFromErp(String body) {
        return catchThrowableOfType(WebhookRejectedException.class, () -> acceptFromErp(body));
    }

    private WebhookRejectedException rejection(String source, String signature, byte[] body) {
        return catchThrowableOfType(WebhookRejectedException.class, () -> intake.accept(source, signature, body));
    }

    // --- success ---

    @Test
    void signedSingleEventIsAcceptedWithItsSourceAndADerivedId() {
        List<InventoryEvent> events = acceptFromErp(RECEIVING);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.eventType()).isEqualTo(EventType.RECEIVING);
            assertThat(event.quantityChange()).isEqualTo(40);
            assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-15T07:00:00Z"));
            assertThat(event.source()).isEqualTo(ERP);
            assertThat(event.eventId()).matches("sha256:[0-9a-f]{64}")
                    .isEqualTo(new EventIdDeriver().derive(event.withEventId(null)));
        });
    }

    @Test
    void seedPayloadIsAcceptedFromItsOwnSource() {
        byte[] raw = bytes(SEED);
        WebhookIntake shopifyIntake = new WebhookIntake(Map.of("shopify", "s3cr3t"));

        assertThat(shopifyIntake.accept("shopify", sign("s3cr3t", raw), raw)).singleElement().satisfies(event -> {
            assertThat(event.eventType()).isEqualTo(EventType.SALE);
            assertThat(event.newAvailable()).isEqualTo(249);
            assertThat(event.orderId()).isEqualTo("ORD-2026-38291");
            assertThat(event.isAbsolute()).isFalse();
        });
    }

    @Test
    void batchIsAcceptedInOrderKeepingOwnIdsAndDerivingMissingOnes() {
        List<InventoryEvent> events = acceptFromErp("[" + RECEIVING + "," + TRANSFER + "]");

        assertThat(events).extracting(InventoryEvent::eventType).containsExactly(EventType.RECEIVING, EventType.TRANSFER);
        assertThat(events.get(0).eventId()).startsWith("sha256:");
        assertThat(events.get(1).eventId()).isEqualTo("erp-tr-1");
        assertThat(events).extracting(InventoryEvent::source).containsOnly(ERP);
    }

    @Test
    void resentRequestYieldsTheSameIdsSoDuplicatesCanBeDropped() {
        String body = "[" + RECEIVING + "," + TRANSFER + "]";

        assertThat(acceptFromErp(body)).extracting(InventoryEvent::eventId)
                .containsExactlyElementsOf(acceptFromErp(body).stream().map(InventoryEvent::eventId).toList());
    }

    @Test
    void sourceFieldEqualToTheHeaderAndExtensionFieldsAreAccepted() {
        String body = RECEIVING.replace("}", ",\"source\":\"erp-main\",\"x-erp-batch\":\"B-77\"}");

        assertThat(acceptFromErp(body)).singleElement().extracting(InventoryEvent::source).isEqualTo(ERP);
    }

    @Test
    void acceptedAnswerListsCountAndIds() throws Exception {
        List<InventoryEvent> events = acceptFromErp("[" + RECEIVING + "," + TRANSFER + "]");

        JsonNode answer = json.readTree(WebhookAccepted.of(events).toJson());

        assertThat(answer.get("accepted").intValue()).isEqualTo(2);
        assertThat(answer.get("event_ids").get(1).textValue()).isEqualTo("erp-tr-1");
        assertThat(answer.get("event_ids").get(0).textValue()).isEqualTo(events.get(0).eventId());
    }

    // --- 413 ---

    @Test
    void bodyOverTheLimitIsRefusedWith413BeforeAnythingElse() {
        byte[] huge = new byte[4097];

        WebhookRejectedException rejected = rejection(null, null, huge);

        assertThat(rejected.httpStatus()).isEqualTo(413);
        assertThat(rejected.reason()).isEqualTo(WebhookRejectedException.PAYLOAD_TOO_LARGE);
    }

    @Test
    void bodyExactlyAtTheLimitIsNotRefusedForItsSize() {
        byte[] atLimit = new byte[4096];

        assertThat(rejection(ERP, null, atLimit).httpStatus()).isEqualTo(401);
    }

    // --- 401 ---

    @Test
    void missingSignatureIsRefusedWith401() {
        assertThat(rejection(ERP, null, bytes(RECEIVING)).httpStatus()).isEqualTo(401);
    }

    @Test
    void wrongSignatureIsRefusedWith401() {
        byte[] raw = bytes(RECEIVING);

        assertThat(rejection(ERP, sign("guessed", raw), raw).httpStatus()).isEqualTo(401);
        assertThat(rejection(ERP, sign("pos-secret-77a0", raw), raw).httpStatus()).isEqualTo(401);
    }

    @Test
    void unknownOrMissingSourceIsRefusedWith401() {
        byte[] raw = bytes(RECEIVING);

        assertThat(rejection("shopify", sign(ERP_SECRET, raw), raw).httpStatus()).isEqualTo(401);
        assertThat(rejection(null, sign(ERP_SECRET, raw), raw).httpStatus()).isEqualTo(401);
    }

    @Test
    void bodyChangedAfterSigningIsRefusedWith401() {
        byte[] signed = bytes(RECEIVING);
        byte[] sent = bytes(RECEIVING.replace("40", "400"));

        assertThat(rejection(ERP, sign(ERP_SECRET, signed), sent).httpStatus()).isEqualTo(401);
    }

    @Test
    void unknownSourceAndWrongSignatureGetTheSameAnswer() {
        byte[] raw = bytes(RECEIVING);

        String unknownSource = rejection("shopify", sign(ERP_SECRET, raw), raw).toJson();
        String wrongSignature = rejection(ERP, sign("guessed", raw), raw).toJson();

        assertThat(unknownSource).isEqualTo(wrongSignature).contains("\"status\":401", "\"error\":\"unauthorized\"");
    }

    @Test
    void signatureIsCheckedBeforeTheBodyIsParsed() {
        assertThat(rejection(ERP, "sha256=00", bytes("not json")).httpStatus()).isEqualTo(401);
    }

    @Test
    void signatureIsComparedInConstantTime() {
        AtomicInteger constantTimeComparisons = new AtomicInteger();
        WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(SECRETS, (expected, presented) -> {
            constantTimeComparisons.incrementAndGet();
            return MessageDigest.isEqual(expected, presented);
        });
        WebhookIntake observed = new WebhookIntake(verifier, 4096, 3, VALIDATOR);
        byte[] raw = bytes(RECEIVING);

        observed.accept(ERP, sign(ERP_SECRET, raw), raw);
        catchThrowableOfType(WebhookRejectedException.class, () -> observed.accept(ERP, sign("guessed", raw), raw));

        assertThat(constantTimeComparisons).hasValue(2);
    }

    // --- 400: body shape ---

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"sku\":", "{} {}", "[1,]"})
    void bodyThatIsNotOneJsonDocumentIsRefusedAsMalformed(String body) {
        WebhookRejectedException rejected = rejectionFromErp(body);

        assertThat(rejected.httpStatus()).isEqualTo(400);
        assertThat(rejected.reason()).isEqualTo(WebhookRejectedException.MALFORMED_JSON);
    }

    @Test
    void duplicateKeysAreRefusedAsMalformed() {
        String body = RECEIVING.replace("\"quantity_change\":40", "\"quantity_change\":40,\"quantity_change\":-40");

        assertThat(rejectionFromErp(body).reason()).isEqualTo(WebhookRejectedException.MALFORMED_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "42", "\"event\"", "true"})
    void jsonThatIsNeitherObjectNorArrayIsRefused(String body) {
        WebhookRejectedException rejected = rejectionFromErp(body);

        assertThat(rejected.httpStatus()).isEqualTo(400);
        assertThat(rejected.reason()).isEqualTo(WebhookRejectedException.NOT_AN_EVENT);
    }

    @Test
    void emptyArrayIsRefused() {
        assertThat(rejectionFromErp("[]").reason()).isEqualTo(WebhookRejectedException.EMPTY_BATCH);
    }

    @Test
    void moreEventsThanTheLimitAreRefused() {
        WebhookRejectedException rejected = rejectionFromErp(
                "[" + RECEIVING + "," + RECEIVING + "," + RECEIVING + "," + RECEIVING + "]");

        assertThat(rejected.httpStatus()).isEqualTo(400);
        assertThat(rejected.reason()).isEqualTo(WebhookRejectedException.TOO_MANY_EVENTS);
        assertThat(rejected.getMessage()).contains("4", "3");
    }

    // --- 400: contract ---

    @Test
    void invalidEventInABatchIsReportedWithEveryFieldErrorIndexedByPosition() throws Exception {
        String badSale = "{\"event_type\":\"inventory.sale\",\"location_id\":\"WH-EAST-001\",\"quantity_change\":2,"
                + "\"timestamp\":\"2026-03-15T09:00:00Z\"}";
        String notAnObject = "17";

        WebhookRejectedException rejected = rejectionFromErp("[" + RECEIVING + "," + badSale + "," + notAnObject + "]");

        assertThat(rejected.httpStatus()).isEqualTo(400);
        assertThat(rejected.reason()).isEqualTo(WebhookRejectedException.INVALID_EVENT);
        assertThat(rejected.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("[1]/sku", "[1]/quantity_change", "[2]");
        JsonNode body = json.readTree(rejected.toJson());
        assertThat(body.get("status").intValue()).isEqualTo(400);
        assertThat(body.get("error").textValue()).isEqualTo("invalid-event");
        assertThat(body.get("errors")).hasSize(3).allSatisfy(error -> {
            assertThat(error.get("field").textValue()).startsWith("[");
            assertThat(error.get("message").textValue()).isNotBlank();
        });
    }

    @Test
    void invalidSingleEventIsReportedWithoutAnIndex() {
        WebhookRejectedException rejected = rejectionFromErp(RECEIVING.replace("40", "-40"));

        assertThat(rejected.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/quantity_change");
            assertThat(error.message()).startsWith("must be positive on inventory.receiving");
        });
    }

    @Test
    void eventClaimingAnotherSourceIsRefusedAtSource() {
        WebhookRejectedException rejected = rejectionFromErp(RECEIVING.replace("}", ",\"source\":\"shopify\"}"));

        assertThat(rejected.httpStatus()).isEqualTo(400);
        assertThat(rejected.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/source");
            assertThat(error.message()).contains("erp-main");
        });
    }

    @Test
    void oneInvalidEventRefusesTheWholeBatch() {
        WebhookRejectedException rejected = rejectionFromErp("[" + RECEIVING + "," + TRANSFER.replace("-5", "5") + "]");

        assertThat(rejected.errors()).extracting(FieldError::field).containsExactly("[1]/quantity_change");
    }

    // --- configuration ---

    @Test
    void intakeWithoutSecretsOrWithNonPositiveLimitsCannotBeBuilt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookIntake(Map.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookIntake(Map.of("erp", "")));
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookIntake(SECRETS, 0, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookIntake(SECRETS, 10, 0));
    }

    @Test
    void intakeBuiltFromATextSpecUsesItsSecretsAndLimits() {
        WebhookIntake fromSpec = WebhookIntake.fromSpec("erp-main=" + ERP_SECRET + ",pos=x", 2048, 5);
        byte[] raw = bytes(RECEIVING);

        assertThat(fromSpec.accept(ERP, sign(ERP_SECRET, raw), raw)).hasSize(1);
        assertThat(fromSpec.maxBodyBytes()).isEqualTo(2048);
        assertThat(fromSpec.maxEventsPerRequest()).isEqualTo(5);
    }

    @Test
    void defaultsAreOneMebibyteAndOneThousandEvents() {
        WebhookIntake defaults = new WebhookIntake(SECRETS);

        assertThat(defaults.maxBodyBytes()).isEqualTo(1_048_576);
        assertThat(defaults.maxEventsPerRequest()).isEqualTo(1000);
    }
}
