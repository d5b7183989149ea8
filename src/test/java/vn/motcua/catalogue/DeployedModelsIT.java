package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.support.IntegrationTest;

/** What the application deployed at start: every model with its forms and candidate groups. */
class DeployedModelsIT extends IntegrationTest {

    @Autowired
    RepositoryService repository;

    @Autowired
    ObjectMapper json;

    @Test
    void shouldDeployEveryFormThatModelsReference() throws IOException {
        Set<String> deployedForms = new HashSet<>();
        Set<String> deployments = new HashSet<>();
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().latestVersion().list();
        // A model may name a form deployed before it (Camunda Modeler deploys only what changed).
        repository.createDeploymentQuery().list().forEach(deployment -> deployments.add(deployment.getId()));
        for (String deployment : deployments) {
            for (Resource resource : repository.getDeploymentResources(deployment)) {
                if (resource.getName().endsWith(".form")) {
                    try (InputStream form = repository.getResourceAsStream(deployment, resource.getName())) {
                        deployedForms.add(json.readTree(form).get("id").asText());
                    }
                }
            }
        }

        List<String> missing = new ArrayList<>();
        List<String> withoutGroups = new ArrayList<>();
        for (ProcessDefinition definition : definitions) {
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (task.getCamundaFormRef() == null || !deployedForms.contains(task.getCamundaFormRef())) {
                    missing.add(definition.getResourceName() + " " + task.getId() + " -> " + task.getCamundaFormRef());
                }
                if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
                    withoutGroups.add(definition.getResourceName() + " " + task.getId());
                }
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null && !deployedForms.contains(start.getCamundaFormRef())) {
                    missing.add(definition.getResourceName() + " " + start.getId() + " -> " + start.getCamundaFormRef());
                }
            }
        }

        assertThat(definitions).extracting(ProcessDefinition::getKey)
                .contains("one_stop_dossier", "result_return", PROCEDURE);
        assertThat(missing).as("form references without a deployed form").isEmpty();
        assertThat(withoutGroups).as("user tasks without candidate groups").isEmpty();
    }
}
