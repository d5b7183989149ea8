package vn.motcua.worklist;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, kept as defined here at every start: the tasks of the officer's
 * groups (their unit and role), claimed or not; the tasks they have claimed; and every task of the
 * unit they may read (a head reads and reassigns all of them). Most urgent first, and every card
 * shows the dossier code, the procedure and the applicant ({@link TaskCards}).
 */
@Component
class TasklistFilters {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    record Definition(String name, String description, int priority, TaskQuery query) {
    }

    private final FilterService filters;
    private final TaskService tasks;
    private final MessageSource messages;

    TasklistFilters(FilterService filters, TaskService tasks, MessageSource messages) {
        this.filters = filters;
        this.tasks = tasks;
        this.messages = messages;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createOrUpdate() {
        for (Definition definition : definitions()) {
            Filter filter = filters.createFilterQuery().filterName(definition.name()).list().stream().findFirst()
                    .orElseGet(() -> filters.newTaskFilter(definition.name()));
            filter.setQuery(definition.query()).setProperties(Map.of(
                    "description", definition.description(),
                    "priority", definition.priority(),
                    "refresh", true,
                    // Without them every card of a step looks alike.
                    "variables", List.of(
                            card(TaskCards.DOSSIER_CODE, "worklist.card.dossierCode"),
                            card(TaskCards.PROCEDURE_NAME, "worklist.card.procedureName"),
                            card(TaskCards.APPLICANT_NAME, "worklist.card.applicantName"))));
            filters.saveFilter(filter);
        }
    }

    List<Definition> definitions() {
        return List.of(
                new Definition(text("worklist.filter.unit"), text("worklist.filter.unit.description"), -10,
                        // Candidate queries leave claimed tasks out unless asked: a head who had
                        // claimed the unit's approvals saw an empty list.
                        urgentFirst(query().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks())),
                new Definition(text("worklist.filter.mine"), text("worklist.filter.mine.description"), -5,
                        urgentFirst(query().taskAssigneeExpression("${currentUser()}"))),
                // No criteria: the engine's authorizations narrow it to what the officer may read.
                new Definition(text("worklist.filter.wholeUnit"), text("worklist.filter.wholeUnit.description"), 0,
                        urgentFirst(query())));
    }

    private Map<String, String> card(String variable, String label) {
        return Map.of("name", variable, "label", text(label));
    }

    private String text(String key) {
        return messages.getMessage(key, null, VIETNAMESE);
    }

    private static TaskQuery urgentFirst(TaskQuery query) {
        return query.orderByDueDate().asc().orderByTaskCreateTime().asc();
    }

    private TaskQuery query() {
        return tasks.createTaskQuery();
    }
}
