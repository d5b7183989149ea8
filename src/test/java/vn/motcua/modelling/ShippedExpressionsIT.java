package vn.motcua.modelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.motcua.checks.ProcedureChecker;
import vn.motcua.documents.DocumentsProperties;
import vn.motcua.support.IntegrationTest;

/**
 * Every expression of every shipped model reaches only beans made for processes (issue 15 item 5),
 * and the engine itself refuses the rest at run time, should a model ever get past the checks.
 */
class ShippedExpressionsIT extends IntegrationTest {

    /** A bean name where a model calls it: {@code ${name}} alone (delegates) or {@code name.method(}. */
    private static final Pattern CALLED_BEAN = Pattern.compile("\\$\\{\\s*([a-zA-Z]\\w*)\\s*(}|\\.\\w+\\s*\\()");

    @Autowired
    ProcessBeans processBeans;

    @Autowired
    ApplicationContext context;

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    DocumentsProperties documentLimits;

    @Test
    void shouldResolveEveryExpressionOfEveryShippedModelToAProcessBean() throws IOException {
        Map<String, byte[]> models = new LinkedHashMap<>();
        Set<String> called = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            // Result templates (.xhtml) travel with their models, as in every deployment.
            for (Path file : files.filter(path -> path.toString().endsWith(".bpmn") || path.toString().endsWith(".dmn")
                    || path.toString().endsWith(".xhtml")).toList()) {
                String text = Files.readString(file);
                models.put(file.toString(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (file.toString().endsWith(".xhtml")) {
                    continue; // a template's ${...} are Thymeleaf's, reading its model, never the engine's beans
                }
                Matcher matcher = CALLED_BEAN.matcher(text);
                while (matcher.find()) {
                    called.add(matcher.group(1));
                }
            }
        }
        assertThat(models).hasSizeGreaterThanOrEqualTo(8);

        // The same checks as every deployment, with the application's own list of process beans.
        ProcedureChecker checker = new ProcedureChecker(documentLimits, code -> true, processBeans.names()::contains);
        assertThat(checker.check(models, form -> true, decision -> true)).isEmpty();

        // Beans called by name: each is a process bean (variables such as ${unit} are not calls).
        called.removeAll(Set.of("unit", "decidingUnit", "procedureKey", "procedureVersion", "resultChannel", "receptionOutcome",
                "approvalDecision", "paymentStage", "lateDossierAction"));
        assertThat(processBeans.names()).containsAll(called);
        for (String name : processBeans.names()) {
            assertThat(context.findAnnotationOnBean(name, ProcessBean.class)).as(name).isNotNull();
        }
        assertThat(processBeans.names()).doesNotContain("identityService", "runtimeService", "processEngine",
                "dossierRepository", "dataSource", "jdbcTemplate", "applicationContext");
    }

    @ParameterizedTest
    @ValueSource(strings = {"${''.getClass().forName('java.lang.Runtime')}", "${deadlines.getClass()}",
            "${execution.processEngineServices}", "${execution.getProcessEngineServices()}", "${identityService}",
            "${dossierRepository.count()}"})
    void shouldRefuseAtRunTimeWhatNoModelMayDo(String expression) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        var parsed = configuration.getExpressionManager().createExpression(expression);

        assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(
                commandContext -> parsed.getValue(StartProcessVariableScope.getSharedInstance())))
                .hasMessageMatching("(?s).*(Expression refused|Unknown property used in expression|Cannot resolve identifier).*");
    }

    @Test
    void shouldStillCallProcessBeansAtRunTime() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        var parsed = configuration.getExpressionManager().createExpression("${reportPushPlan.cycle()}");

        Object cycle = configuration.getCommandExecutorTxRequired().execute(
                commandContext -> parsed.getValue(StartProcessVariableScope.getSharedInstance()));

        assertThat(cycle).isEqualTo("0 0 1 1 * ?");
    }
}
