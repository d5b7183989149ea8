package vn.motcua.reportpush;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.catalogue.ResultChannel;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierClock;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.EventType;
import vn.motcua.evaluation.Evaluation;
import vn.motcua.evaluation.Satisfaction;

/** The dossier feed's payload (schema motcua.dossier-event/1), what each control-sheet row gives it, and its signature. */
class DossierEventPayloadTest {

    private static final String COMMUNE = "000.01.01.H01";
    private static final String DISTRICT = "000.00.01.H01";
    private static final Instant AT = Instant.parse("2026-12-04T02:15:30.250Z");
    private static final Predicate<String> UNITS = Set.of(COMMUNE, DISTRICT)::contains;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldWriteEveryKindOfEventAsTheSchemaSays() throws Exception {
        Dossier dossier = dossier();
        int sequence = 0;
        for (FeedFact fact : new FeedFact[] {
                fact(EventType.SUBMITTED, null, null, dossier),
                fact(EventType.ACCEPTED, null, null, dossier),
                fact(EventType.HANDED_OVER, null, "specialist:" + DISTRICT, dossier),
                fact(EventType.SUPPLEMENT_REQUESTED, null, null, dossier),
                fact(EventType.SUPPLEMENT_RECEIVED, null, null, dossier),
                fact(EventType.DECIDED, "APPROVED", null, dossier),
                fact(EventType.DECIDED, "REJECTED", null, dossier),
                fact(EventType.RESULT_RETURNED, null, null, dossier),
                FeedFact.rated(new Evaluation(dossier.code(), COMMUNE, "birth_registration", Satisfaction.VERY_SATISFIED,
                        Satisfaction.SATISFIED, Satisfaction.VERY_SATISFIED, Satisfaction.NOT_SATISFIED, 2, "Tốt", AT), COMMUNE),
                fact(EventType.REFUSED, null, null, dossier),
                fact(EventType.CLOSED_WITHOUT_SUPPLEMENT, null, null, dossier),
                fact(EventType.CLOSED_WITHOUT_PAYMENT, null, null, dossier)}) {
            byte[] body = DossierEventPayload.json(json, UUID.randomUUID().toString(), ++sequence, fact, AT, dossier,
                    DossierStatus.IN_PROGRESS);
            assertThat(DossierEventSchema.violations(body)).as(new String(body, StandardCharsets.UTF_8)).isEmpty();
        }
    }

    @Test
    void shouldNameTheEventTheDossierAndNoApplicant() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] body = DossierEventPayload.json(json, id, 3, fact(EventType.DECIDED, "APPROVED", null, dossier()), AT,
                dossier(), DossierStatus.AWAITING_RESULT_RETURN);

        JsonNode event = json.readTree(body);
        assertThat(event.get("schema").asText()).isEqualTo("motcua.dossier-event/1");
        assertThat(event.get("eventId").asText()).isEqualTo(id);
        assertThat(event.get("sequence").asInt()).isEqualTo(3);
        assertThat(event.get("type").asText()).isEqualTo("decided");
        assertThat(event.get("occurredAt").asText()).isEqualTo("2026-12-04T02:15:30.250Z");
        assertThat(event.get("unitCode").asText()).isEqualTo(COMMUNE);
        assertThat(event.at("/dossier/code").asText()).isEqualTo(dossier().code());
        assertThat(event.at("/dossier/status").asText()).isEqualTo("AWAITING_RESULT_RETURN");
        assertThat(event.at("/dossier/receivingUnitCode").asText()).isEqualTo(COMMUNE);
        assertThat(event.at("/data/decision").asText()).isEqualTo("approved");
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("Nguyễn Thị Lan", "001190012345");
    }

    @Test
    void shouldBeRefusedByTheSchemaWhenBroken() throws Exception {
        byte[] body = DossierEventPayload.json(json, UUID.randomUUID().toString(), 1, fact(EventType.SUBMITTED, null, null,
                dossier()), AT, dossier(), DossierStatus.SUBMITTED);
        com.fasterxml.jackson.databind.node.ObjectNode event = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(body);

        assertThat(DossierEventSchema.violations(json.writeValueAsBytes(event.deepCopy().put("sequence", 0)))).isNotEmpty();
        assertThat(DossierEventSchema.violations(json.writeValueAsBytes(event.deepCopy().put("type", "deleted")))).isNotEmpty();
        assertThat(DossierEventSchema.violations(json.writeValueAsBytes(event.deepCopy().put("eventId", "42")))).isNotEmpty();
        assertThat(DossierEventSchema.violations(json.writeValueAsBytes(event.deepCopy().put("occurredAt", "04/12/2026"))))
                .isNotEmpty();
        com.fasterxml.jackson.databind.node.ObjectNode handedOver = event.deepCopy().put("type", "handed_over");
        assertThat(DossierEventSchema.violations(json.writeValueAsBytes(handedOver))).as("handed_over without its units")
                .isNotEmpty();
    }

    @Test
    void shouldSignTimestampAndBodySoThatAChangedByteFails() {
        byte[] body = DossierEventPayload.json(json, UUID.randomUUID().toString(), 1, fact(EventType.SUBMITTED, null, null,
                dossier()), AT, dossier(), DossierStatus.SUBMITTED);
        String secret = "feed-secret-0123456789-abcdefghijklmn";
        String signature = WebhookSignature.sign(secret, 1_796_350_530L, body);

        assertThat(signature).matches("sha256=[0-9a-f]{64}");
        assertThat(WebhookSignature.verify(secret, 1_796_350_530L, body, signature)).isTrue();
        assertThat(WebhookSignature.verify(secret, 1_796_350_531L, body, signature)).as("another timestamp").isFalse();
        byte[] changed = body.clone();
        changed[changed.length - 2] ^= 1;
        assertThat(WebhookSignature.verify(secret, 1_796_350_530L, changed, signature)).as("a changed byte").isFalse();
        assertThat(WebhookSignature.verify(secret + "x", 1_796_350_530L, body, signature)).as("another secret").isFalse();
    }

    @Nested
    class WhatTheControlSheetGives {

        @Test
        void shouldMapTheTransactionsOfADossier() {
            assertThat(type(EventType.SUBMITTED, null, null)).contains(FeedEventType.RECEIVED);
            assertThat(type(EventType.ACCEPTED, null, null)).contains(FeedEventType.ACCEPTED);
            assertThat(type(EventType.SUPPLEMENT_REQUESTED, null, null)).contains(FeedEventType.SUPPLEMENT_REQUESTED);
            assertThat(type(EventType.SUPPLEMENT_RECEIVED, null, null)).contains(FeedEventType.SUPPLEMENT_RECEIVED);
            assertThat(type(EventType.DECIDED, "REJECTED", null)).contains(FeedEventType.DECIDED);
            assertThat(type(EventType.RESULT_RETURNED, null, null)).contains(FeedEventType.RESULT_RETURNED);
            assertThat(type(EventType.REFUSED, null, null)).contains(FeedEventType.REFUSED);
            assertThat(type(EventType.CLOSED_WITHOUT_PAYMENT, null, null)).contains(FeedEventType.CLOSED);
            assertThat(fact(EventType.DECIDED, "REJECTED", null, dossier()).data()).containsEntry("decision", "rejected");
            assertThat(fact(EventType.CLOSED_WITHOUT_SUPPLEMENT, null, null, dossier()).data())
                    .containsEntry("reason", "without_supplement");
        }

        @Test
        void shouldLeaveOutStepsDeadlinesAndPayments() {
            for (EventType type : new EventType[] {EventType.STEP_COMPLETED, EventType.DEADLINE_SET, EventType.CLOCK_PAUSED,
                    EventType.OVERDUE, EventType.PAYMENT_REQUESTED, EventType.PAYMENT_RECEIVED, EventType.TASK_REASSIGNED,
                    EventType.APOLOGY_ISSUED, EventType.DEADLINE_WARNING}) {
                assertThat(type(type, null, "specialist:" + DISTRICT)).as(type.name()).isEmpty();
            }
        }

        @Test
        void shouldGiveAHandOverOnlyWhenTheDossierMovesToAnotherUnit() {
            assertThat(type(EventType.HANDED_OVER, null, "reception:" + COMMUNE)).as("within the unit").isEmpty();
            assertThat(type(EventType.HANDED_OVER, null, "head:" + COMMUNE + ", specialist:" + COMMUNE)).isEmpty();
            assertThat(type(EventType.HANDED_OVER, null, "nguyen.van.a")).as("to an officer").isEmpty();
            assertThat(type(EventType.HANDED_OVER, null, "head:" + COMMUNE + ", head:" + DISTRICT)).as("two units").isEmpty();
            assertThat(type(EventType.HANDED_OVER, null, "specialist:000.99.99.H99")).as("no such unit").isEmpty();

            FeedFact toDistrict = fact(EventType.HANDED_OVER, null, "specialist:" + DISTRICT, dossier());
            assertThat(toDistrict.type()).isEqualTo(FeedEventType.HANDED_OVER);
            assertThat(toDistrict.unit()).isEqualTo(DISTRICT);
            assertThat(toDistrict.data()).containsExactly(Map.entry("fromUnit", COMMUNE), Map.entry("toUnit", DISTRICT));
            // A row that names the receiving unit itself (a hand-over between units, not to a step's group)
            assertThat(fact(EventType.HANDED_OVER, null, DISTRICT, dossier()).data()).containsEntry("toUnit", DISTRICT);
            // A travelling dossier's hand-over names both units by code, and their names for people
            DossierEvent betweenUnits = new DossierEvent(AT, EventType.HANDED_OVER, null, null, "Phường A", "Quận B",
                    null, null, null, DossierStatus.IN_PROGRESS, null, null, COMMUNE, DISTRICT);
            assertThat(FeedFact.of(betweenUnits, dossier(), COMMUNE, UNITS).orElseThrow().data())
                    .containsExactly(Map.entry("fromUnit", COMMUNE), Map.entry("toUnit", DISTRICT));
            // Back at the receiving desk for the result
            assertThat(FeedFact.of(row(EventType.HANDED_OVER, null, "reception:" + COMMUNE), dossier(), DISTRICT, UNITS)
                    .orElseThrow().data()).containsExactly(Map.entry("fromUnit", DISTRICT), Map.entry("toUnit", COMMUNE));
        }

        private Optional<FeedEventType> type(EventType type, String outcome, String to) {
            return FeedFact.of(row(type, outcome, to), dossier(), COMMUNE, UNITS).map(FeedFact::type);
        }
    }

    private static FeedFact fact(EventType type, String outcome, String to, Dossier dossier) {
        return FeedFact.of(row(type, outcome, to), dossier, COMMUNE, UNITS).orElseThrow();
    }

    private static DossierEvent row(EventType type, String outcome, String to) {
        return new DossierEvent(AT, type, null, null, "reception", to, "reception", outcome, null, DossierStatus.IN_PROGRESS);
    }

    private static Dossier dossier() {
        return new Dossier(1, COMMUNE + "-261204-0007", "birth_registration", 3, "1.001193", "Đăng ký khai sinh", null,
                COMMUNE, Channel.ONLINE, ResultChannel.ONLINE, DossierStatus.IN_PROGRESS, null,
                new Applicant("Nguyễn Thị Lan", "001190012345", null, null, null), Map.of(), 0, AT, AT,
                AT.plus(Duration.ofDays(3)), null, null, null, null, null, new DossierClock("3d", AT, AT, null,
                        Duration.ZERO, null, null, null, null), null);
    }
}
