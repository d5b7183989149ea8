package vn.motcua.worklist;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the shared Tasklist filters once: the tasks of the officer's groups (their unit and
 * role) and the tasks they have claimed, most urgent first.
 */
@Component
class TasklistFilters {

    record Definition(String name, String description, int priority, TaskQuery query) {
    }

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createMissing() {
        for (Definition definition : definitions()) {
            boolean exists = filters.createFilterQuery().filterName(definition.name()).count() > 0;
            if (!exists) {
                Filter filter = filters.newTaskFilter(definition.name())
                        .setQuery(definition.query())
                        .setProperties(Map.of(
                                "description", definition.description(),
                                "priority", definition.priority(),
                                "refresh", true,
                                // Without it every card of a step looks alike: name the applicant.
                                "variables", List.of(Map.of("name", "applicantName", "label", "Người nộp hồ sơ"))));
                filters.saveFilter(filter);
            }
        }
    }

    List<Definition> definitions() {
        return List.of(
                new Definition("Việc của đơn vị tôi", "Tasks of my unit and role, oldest first", -10,
                        query().taskCandidateGroupInExpression("${currentUserGroups()}").orderByTaskCreateTime().asc()),
                new Definition("Việc tôi đã nhận", "Tasks I have claimed", -5,
                        query().taskAssigneeExpression("${currentUser()}").orderByTaskCreateTime().asc()));
    }

    private TaskQuery query() {
        return tasks.createTaskQuery();
    }
}
