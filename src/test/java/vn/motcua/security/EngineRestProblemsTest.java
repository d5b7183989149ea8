package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.Response;

import vn.motcua.calendar.UnknownCalendarYearException;
import vn.motcua.forms.FieldViolation;
import vn.motcua.forms.FormViolationException;
import vn.motcua.support.TestMessages;
import vn.motcua.web.ProblemTexts;

/** What the engine REST API answers for the engine's failures: problem bodies that name nothing internal. */
class EngineRestProblemsTest {

    private static final String INSTANCE = "3f2a6c1e-8b1d-11ef-9a4b-0242ac120002";
    private static final String TASK = "7c9d2e4f-8b1d-11ef-9a4b-0242ac120002";

    // As the application's: with the mixin that writes a problem's properties at the top level.
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final EngineRestProblems.Answers answers = new EngineRestProblems.Answers(new ProblemTexts(TestMessages.bundle()), json);

    private JsonNode body(Response response) throws Exception {
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        JsonNode body = json.readTree((String) response.getEntity());
        assertThat(body.get("status").asInt()).isEqualTo(response.getStatus());
        assertThat(body.toString()).doesNotContain("org.camunda", "java.", "Exception");
        return body;
    }

    @Test
    void shouldAnswerAMissingPermissionWith403NamingNoInstanceOrDefinition() throws Exception {
        AuthorizationException refusal = new AuthorizationException("reception", "READ", "ProcessInstance", INSTANCE);

        Response response = answers.toResponse(refusal, "/engine-rest/task/" + TASK + "/variables");

        assertThat(response.getStatus()).isEqualTo(403);
        JsonNode body = body(response);
        assertThat(body.toString()).doesNotContain(INSTANCE, "ProcessInstance", "READ");
        assertThat(body.get("detail").asText()).isEqualTo("Bạn không có quyền thực hiện thao tác này / You may not do this");
        assertThat(body.get("message").asText()).isEqualTo(body.get("detail").asText());
    }

    @Test
    void shouldAnswerAnEngineFailureWith500SayingNothingOfIt() throws Exception {
        Response response = answers.toResponse(new NullValueException("Cannot find execution " + INSTANCE + ": execution is null"),
                "/engine-rest/execution/x/localVariables");

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(body(response).toString()).doesNotContain(INSTANCE, "execution");
    }

    @Test
    void shouldAnswerNotFoundAlikeForEveryResource() throws Exception {
        Response response = answers.toResponse(new InvalidRequestException(Response.Status.NOT_FOUND,
                "Process instance with id " + INSTANCE + " does not exist"), "/engine-rest/process-instance/" + INSTANCE);

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(body(response).get("detail").asText()).isEqualTo("Không tìm thấy, hoặc bạn không có quyền xem"
                + " / Not found, or not yours to see");
    }

    @Test
    void shouldKeepTheReasonOfABadRequestWithoutClassNamesOrIdsTheCallerDidNotName() throws Exception {
        RestException wrapped = new RestException(Response.Status.BAD_REQUEST, new MismatchingMessageCorrelationException(
                "Cannot correlate message 'paid': execution " + INSTANCE + " of task " + TASK + " waits for another"));

        Response response = answers.toResponse(wrapped, "/engine-rest/task/" + TASK + "/complete");

        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode body = body(response);
        assertThat(body.get("message").asText())
                .isEqualTo("Cannot correlate message 'paid': execution … of task " + TASK + " waits for another");
        assertThat(body.get("detail").asText()).startsWith("Yêu cầu không hợp lệ / The request is invalid: Cannot correlate");
    }

    @Test
    void shouldShortenQualifiedClassNamesInAReason() {
        assertThat(EngineRestProblems.Answers.clean("Cannot set query parameter 'priority' to value 'high': Cannot convert"
                + " value \"high\" to java type java.lang.Integer", "/engine-rest/task?priority=high"))
                .isEqualTo("Cannot set query parameter 'priority' to value 'high': Cannot convert value \"high\" to java type Integer");
    }

    @Test
    void shouldListTheBrokenRulesOfATaskFormAsTasklistShowsThem() throws Exception {
        FormViolationException violation = new FormViolationException("check-completeness", List.of(new FieldViolation(
                "missingDocuments", "required", "Bắt buộc nhập / Required")));
        InvalidRequestException wrapped = new InvalidRequestException(Response.Status.BAD_REQUEST, violation,
                "Cannot submit task form " + TASK + ": " + violation.getMessage());

        Response response = answers.toResponse(wrapped, "/camunda/api/engine/engine/default/task/" + TASK + "/submit-form");

        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode body = body(response);
        assertThat(body.get("message").asText()).isEqualTo("Giá trị chưa đúng quy định của biểu mẫu / The values break the form"
                + " rules: missingDocuments: Bắt buộc nhập / Required");
        assertThat(body.get("violations").get(0).get("code").asText()).isEqualTo("required");
    }

    @Test
    void shouldAnswerAWrappedUnknownCalendarYearWith422AndTheFix() throws Exception {
        Response response = answers.toResponse(new ProcessEngineException("task listener failed",
                new UnknownCalendarYearException(2101)), "/engine-rest/task/x/complete");

        assertThat(response.getStatus()).isEqualTo(422);
        JsonNode body = body(response);
        assertThat(body.get("year").asInt()).isEqualTo(2101);
        assertThat(body.get("detail").asText()).contains("PUT /api/calendar/years/2101");
    }

    @Test
    void shouldAnswerTheQueryLimitWithHowToAsk() throws Exception {
        Response response = answers.toResponse(new org.camunda.bpm.engine.BadUserRequestException(
                "An unbound number of results is forbidden!"), "/engine-rest/task");

        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode body = body(response);
        assertThat(body.get("title").asText()).isEqualTo("Query result limit");
        assertThat(body.get("detail").asText()).contains("firstResult", "maxResults");
    }
}
