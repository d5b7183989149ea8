package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.web.ErrorResponseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.Response;
import vn.motcua.calendar.UnknownCalendarYearException;

/** Engine REST answers our refusals raised inside engine commands as our API does, not with 500. */
class EngineRestProblemsTest {

    // As the application's: with the mixin that writes a problem's properties at the top level.
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

    @Test
    void shouldAnswerAWrappedUnknownYearWith422AndTheFix() throws Exception {
        Response response = new EngineRestProblems.Wrapped(json)
                .toResponse(new ProcessEngineException("task listener failed", new UnknownCalendarYearException(2101)));

        assertThat(response.getStatus()).isEqualTo(422);
        JsonNode body = json.readTree((String) response.getEntity());
        assertThat(body.get("year").asInt()).isEqualTo(2101);
        assertThat(body.get("detail").asText()).contains("PUT /api/calendar/years/2101");
    }

    @Test
    void shouldAnswerAnUnknownYearThrownAsItIsWith422() {
        Response response = new EngineRestProblems.Thrown(json).toResponse(new UnknownCalendarYearException(2101));

        assertThat(response.getStatus()).isEqualTo(422);
    }

    @Test
    void shouldAnswerAnyWrappedRefusalWithItsOwnStatus() throws Exception {
        ProblemDetail conflict = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "changed");
        Response response = new EngineRestProblems.Wrapped(json).toResponse(new ProcessEngineException("listener",
                new IllegalStateException("wrapped twice", new ErrorResponseException(HttpStatus.CONFLICT, conflict, null))));

        assertThat(response.getStatus()).isEqualTo(409);
        JsonNode body = json.readTree((String) response.getEntity());
        assertThat(body.get("detail").asText()).isEqualTo("changed");
        // What Tasklist shows the officer.
        assertThat(body.get("message").asText()).isEqualTo("changed");
    }

    @Test
    void shouldKeepCamundasAnswerToOtherEngineErrors() {
        Response response = new EngineRestProblems.Wrapped(json).toResponse(new ProcessEngineException("broken"));

        assertThat(response.getStatus()).isEqualTo(500);
    }
}
