package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.Response;

/** Engine REST answers a calendar that cannot count as our API does: 422 with the fix, not 500. */
class EngineRestCalendarProblemsTest {

    // As the application's: with the mixin that writes a problem's properties at the top level.
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

    @Test
    void shouldAnswerAWrappedUnknownYearWith422AndTheFix() throws Exception {
        Response response = new EngineRestCalendarProblems.Wrapped(json)
                .toResponse(new ProcessEngineException("task listener failed", new UnknownCalendarYearException(2101)));

        assertThat(response.getStatus()).isEqualTo(422);
        JsonNode body = json.readTree((String) response.getEntity());
        assertThat(body.get("year").asInt()).isEqualTo(2101);
        assertThat(body.get("detail").asText()).contains("PUT /api/calendar/years/2101");
    }

    @Test
    void shouldAnswerAnUnknownYearThrownAsItIsWith422() {
        Response response = new EngineRestCalendarProblems.Unknown(json).toResponse(new UnknownCalendarYearException(2101));

        assertThat(response.getStatus()).isEqualTo(422);
    }
}
