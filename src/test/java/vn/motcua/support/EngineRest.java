package vn.motcua.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Camunda engine REST API as Tasklist and Camunda Modeler use it, each call made as the named
 * officer (HTTP Basic), so the engine's authorizations apply; unnamed calls are the administrator's.
 */
public final class EngineRest {

    private final Function<String, TestRestTemplate> as;

    EngineRest(Function<String, TestRestTemplate> as) {
        this.as = as;
    }

    /** Open tasks of a dossier that this officer may claim (through the groups of their unit and role). */
    public List<JsonNode> tasksFor(String dossierCode, String user) {
        JsonNode tasks = as.apply(user).getForObject("/engine-rest/task?processInstanceBusinessKey={code}&candidateUser={user}&includeAssignedTasks=true&maxResults=100",
                JsonNode.class, dossierCode, user);
        return java.util.stream.StreamSupport.stream(tasks.spliterator(), false).toList();
    }

    /** All open tasks of a dossier, including those of a procedure's call activity. */
    public List<JsonNode> openTasks(String dossierCode) {
        JsonNode tasks = admin().getForObject("/engine-rest/task?processInstanceBusinessKey={code}&maxResults=100", JsonNode.class, dossierCode);
        return java.util.stream.StreamSupport.stream(tasks.spliterator(), false).toList();
    }

    /** The one task of the dossier this officer can see; it must be the expected step. */
    public String taskFor(String dossierCode, String user, String expectedStep) {
        List<JsonNode> tasks = tasksFor(dossierCode, user);
        assertThat(tasks).as("tasks of %s visible to %s", dossierCode, user).hasSize(1);
        assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(expectedStep);
        return tasks.get(0).get("id").asText();
    }

    /** Claims and completes the dossier's current step as this officer, as Tasklist does. */
    public ResponseEntity<JsonNode> work(String dossierCode, String user, String step, Map<String, Object> values) {
        String taskId = taskFor(dossierCode, user, step);
        ResponseEntity<Void> claim = as.apply(user).postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", user),
                Void.class, taskId);
        assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        return complete(user, taskId, values);
    }

    public ResponseEntity<JsonNode> complete(String taskId, Map<String, Object> values) {
        return complete("admin", taskId, values);
    }

    public ResponseEntity<JsonNode> complete(String user, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return as.apply(user).postForEntity("/engine-rest/task/{id}/complete", Map.of("variables", variables),
                JsonNode.class, taskId);
    }

    public void workOk(String dossierCode, String user, String step, Map<String, Object> values) {
        ResponseEntity<JsonNode> response = work(dossierCode, user, step, values);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** Fires now the dossier's timer on {@code activityId}, in the lifecycle or a model it calls (the tests' job executor is off). */
    public void fireTimer(String dossierCode, String activityId) {
        JsonNode job = timer(dossierCode, activityId);
        ResponseEntity<Void> executed = admin().postForEntity("/engine-rest/job/{id}/execute", null, Void.class,
                job.get("id").asText());
        assertThat(executed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** The dossier's one timer job on {@code activityId} (id, dueDate, suspended, ...). */
    public JsonNode timer(String dossierCode, String activityId) {
        TestRestTemplate http = admin();
        List<JsonNode> jobs = new java.util.ArrayList<>();
        for (JsonNode instance : http.getForObject("/engine-rest/process-instance?businessKey={code}&maxResults=100", JsonNode.class,
                dossierCode)) {
            http.getForObject("/engine-rest/job?processInstanceId={id}&timers=true&activityId={activity}&maxResults=100",
                    JsonNode.class, instance.get("id").asText(), activityId).forEach(jobs::add);
        }
        assertThat(jobs).as("timers of %s on %s", dossierCode, activityId).hasSize(1);
        return jobs.get(0);
    }

    private TestRestTemplate admin() {
        return as.apply("admin");
    }
}
