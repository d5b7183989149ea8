package vn.motcua.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.motcua.documents.DocumentsProperties;

/** The checks inside a real engine: a refused deployment leaves nothing behind, a later good one goes through. */
class CheckingDeployerTest {

    private static final String RESULT = "household-business-registration.result.xhtml";

    private ProcessEngine engine;
    private RepositoryService repository;

    @BeforeEach
    void startEngine() {
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:checking-deployer;DB_CLOSE_DELAY=-1");
        configuration.setProcessEngineName("checking-deployer");
        configuration.setJobExecutorActivate(false);
        configuration.setCustomPreDeployers(List.of(new ProcedureChecksPlugin.CheckingDeployer(new ProcedureChecker(
                new DocumentsProperties(null, null, null, null, null, null, null), Set.of()::contains, bean -> true))));
        engine = configuration.buildProcessEngine();
        repository = engine.getRepositoryService();
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void shouldStoreNothingWhenAnyFileOfTheDeploymentIsBroken() throws IOException {
        String appraisal = read("forms/procedures/household-business-registration/household-business-registration-appraisal.form")
                .replace("\"schemaVersion\": 16", "\"schemaVersion\": 17");

        ProcedureRefusedException refused = catchThrowableOfType(ProcedureRefusedException.class, () -> repository
                .createDeployment().name("household")
                .addString("household-business-registration.bpmn", read("processes/procedures/household-business-registration.bpmn"))
                .addString(RESULT, read("processes/procedures/" + RESULT))
                .addString("household-business-registration-submission.form", read("forms/procedures/household-business-registration/household-business-registration-submission.form"))
                .addString("household-business-registration-appraisal.form", appraisal)
                .deploy());

        assertThat(refused.violations()).singleElement().extracting(Violation::file).isEqualTo("household-business-registration-appraisal.form");
        assertThat(refused.getResorceReports()).singleElement().satisfies(report -> {
            assertThat(report.getResourceName()).isEqualTo("household-business-registration-appraisal.form");
            assertThat(report.getErrors()).singleElement().satisfies(problem -> {
                assertThat(problem.getMainElementId()).isEqualTo("household-business-registration-appraisal");
                assertThat(problem.getMessage()).contains("schemaVersion 17");
            });
        });
        assertThat(refused.getMessage()).startsWith("Thủ tục bị từ chối, chưa triển khai gì (1 lỗi)")
                .contains("\n- household-business-registration-appraisal.form › household-business-registration-appraisal: schemaVersion 17");
        assertThat(repository.createDeploymentQuery().count()).isZero();
        assertThat(repository.createProcessDefinitionQuery().count()).isZero();
    }

    @Test
    void shouldAcceptModelWhenItsFormsWereDeployedBefore() throws IOException {
        repository.createDeployment().name("forms")
                .addString("household-business-registration-submission.form", read("forms/procedures/household-business-registration/household-business-registration-submission.form"))
                .addString("household-business-registration-appraisal.form", read("forms/procedures/household-business-registration/household-business-registration-appraisal.form"))
                .deploy();

        repository.createDeployment().name("model")
                .addString("household-business-registration.bpmn", read("processes/procedures/household-business-registration.bpmn"))
                .addString(RESULT, read("processes/procedures/" + RESULT))
                .deploy();

        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("household_business_registration").count())
                .isOne();
    }

    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path));
    }
}
