package vn.motcua.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.motcua.documents.DocumentsProperties;
import vn.motcua.modelling.ProcessBeans;
import vn.motcua.unit.UnitDirectory;

/**
 * Runs the procedure checks on every new deployment, before the engine's own deployers: the
 * application's start-up deployment of {@code processes/} and {@code forms/}, and every deployment
 * through the REST API (Camunda Modeler). A violation throws inside the deployment's transaction,
 * so nothing of a refused deployment is stored.
 */
@Component
class ProcedureChecksPlugin extends AbstractProcessEnginePlugin {

    private final ProcedureChecker checker;

    ProcedureChecksPlugin(DocumentsProperties documentLimits, ObjectProvider<UnitDirectory> units,
            ProcessBeans processBeans) {
        // Looked up when a model names a unit literally: the engine is built before the unit beans.
        this.checker = new ProcedureChecker(documentLimits, code -> units.getObject().find(code).isPresent(),
                name -> processBeans.names().contains(name));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(new CheckingDeployer(checker));
    }

    static final class CheckingDeployer implements Deployer {

        private final ProcedureChecker checker;

        CheckingDeployer(ProcedureChecker checker) {
            this.checker = checker;
        }

        @Override
        public void deploy(DeploymentEntity deployment) {
            if (!deployment.isNew() || deployment.getResources() == null) {
                return; // a stored deployment read back into the cache was checked when it was made
            }
            Map<String, byte[]> resources = new LinkedHashMap<>();
            deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
            var forms = Context.getCommandContext().getCamundaFormDefinitionManager();
            var decisions = Context.getCommandContext().getDecisionDefinitionManager();
            var deployed = Context.getCommandContext().getResourceManager();
            List<Violation> violations = checker.check(resources, id -> forms.findLatestDefinitionByKey(id) != null,
                    key -> decisions.findLatestDecisionDefinitionByKey(key) != null,
                    // As Camunda finds the unchanged resources it leaves out of a deploy-changed-only deployment.
                    template -> deployment.getName() != null && !deployed.findLatestResourcesByDeploymentName(
                            deployment.getName(), Set.of(template), deployment.getSource(), deployment.getTenantId())
                            .isEmpty());
            if (!violations.isEmpty()) {
                throw new ProcedureRefusedException(violations);
            }
        }
    }
}
