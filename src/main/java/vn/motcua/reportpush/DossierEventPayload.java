package vn.motcua.reportpush;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;

/**
 * The body of one event of the dossier feed, schema {@value #SCHEMA}
 * ({@code src/main/resources/reportpush/dossier-event-1.schema.json}, docs/reporting-push.md). Written
 * once, when the event is: every attempt and re-send carries these bytes. No applicant's personal data:
 * the central point counts transactions; it reads a dossier over the API it is entitled to.
 */
final class DossierEventPayload {

    static final String SCHEMA = "motcua.dossier-event/1";

    private DossierEventPayload() {
    }

    static byte[] json(ObjectMapper json, String eventId, int sequence, FeedFact fact, Instant occurredAt,
            Dossier dossier, DossierStatus status) {
        Map<String, Object> of = new LinkedHashMap<>();
        of.put("code", dossier.code());
        of.put("procedureKey", dossier.procedureKey());
        of.put("procedureVersion", dossier.procedureVersion());
        of.put("procedureCode", dossier.procedureCode());
        of.put("procedureName", dossier.procedureName());
        of.put("receivingUnitCode", dossier.unitCode());
        of.put("status", status.name());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schema", SCHEMA);
        body.put("eventId", eventId);
        body.put("sequence", sequence);
        body.put("type", fact.type().wire());
        body.put("occurredAt", occurredAt.toString());
        body.put("unitCode", fact.unit());
        body.put("dossier", of);
        body.put("data", fact.data());
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + eventId + " cannot be written as JSON", e);
        }
    }
}
