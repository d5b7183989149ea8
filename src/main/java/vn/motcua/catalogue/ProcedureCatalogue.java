package vn.motcua.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import vn.motcua.documents.DocumentsProperties;

/**
 * The procedures on offer, read from the deployed models: a procedure deployed at runtime appears
 * without a restart, and each dossier can still find the exact version it started on.
 */
@Service
public class ProcedureCatalogue {

    /** The process key of the lifecycle every procedure's dossier runs through (one-stop-dossier.bpmn). */
    public static final String LIFECYCLE = "one_stop_dossier";

    private static final Logger LOG = LoggerFactory.getLogger(ProcedureCatalogue.class);
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private final RepositoryService repository;
    private final FormService forms;
    private final DocumentsProperties documentLimits;
    /** Versions read from their models (there are a few hundred in a province), beyond which the oldest are read again. */
    private static final int KEPT_VERSIONS = 2_000;

    // Deployed versions never change, so what was read from one stays true; bounded, since versions only accumulate.
    private final Cache<String, Optional<Procedure>> byDefinitionId = Caffeine.newBuilder().maximumSize(KEPT_VERSIONS).build();

    ProcedureCatalogue(RepositoryService repository, FormService forms, DocumentsProperties documentLimits) {
        this.repository = repository;
        this.forms = forms;
        this.documentLimits = documentLimits;
    }

    /** The latest active version of every procedure, by code. */
    public List<Procedure> list() {
        // One row per procedure: never near queryMaxResultsLimit, which would refuse an unpaged list.
        return repository.createProcessDefinitionQuery().latestVersion().active().unlimitedList().stream()
                .flatMap(this::readListable)
                .sorted(Comparator.comparing(Procedure::code))
                .toList();
    }

    /**
     * The procedures whose code, name or sector contain every one of the words, ignoring case and
     * Vietnamese diacritics (people type "ho kinh doanh" for "hộ kinh doanh"); all when there are none.
     */
    public List<Procedure> search(String words) {
        if (words == null || words.isBlank()) {
            return list();
        }
        List<String> needles = List.of(folded(words).split("\\s+"));
        return list().stream()
                .filter(p -> {
                    String text = folded(String.join(" ", p.code(), p.name(), p.nameEn(), p.sector()));
                    return needles.stream().allMatch(text::contains);
                })
                .toList();
    }

    /** Lower case without diacritics: tones and vowel marks dropped, đ read as d. */
    static String folded(String text) {
        String decomposed = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd');
    }

    /**
     * The steps a dossier of this version goes through, in the order the shared lifecycle and the
     * procedure's own model run them (read from the deployed models, see {@link ProcedureSteps}).
     */
    public List<ProcedureStep> steps(Procedure procedure) {
        ProcessDefinition lifecycle = repository.createProcessDefinitionQuery().processDefinitionKey(LIFECYCLE)
                .latestVersion().active().singleResult();
        if (lifecycle == null) {
            throw new IllegalStateException("The shared lifecycle " + LIFECYCLE + " is not deployed");
        }
        return ProcedureSteps.walk(repository.getBpmnModelInstance(lifecycle.getId()), LIFECYCLE,
                repository.getBpmnModelInstance(procedure.definitionId()), procedure.key(), procedure.timeLimits(),
                key -> Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(key)
                                .latestVersion().singleResult())
                        .map(definition -> repository.getBpmnModelInstance(definition.getId())).orElse(null));
    }

    /** The latest active version of one procedure. */
    public Optional<Procedure> find(String key) {
        return Optional.ofNullable(repository.createProcessDefinitionQuery()
                        .processDefinitionKey(key).latestVersion().active().singleResult())
                .flatMap(this::read);
    }

    /** One version of a procedure, as a dossier submitted on it still needs it after newer ones are deployed. */
    public Optional<Procedure> find(String key, int version) {
        return Optional.ofNullable(repository.createProcessDefinitionQuery()
                        .processDefinitionKey(key).processDefinitionVersion(version).singleResult())
                .flatMap(this::read);
    }

    /**
     * Reads a model not yet deployed as the catalogue will read it once it is: the procedure checks
     * refuse a deployment whose entry would throw here. A model without {@code procedure.code} is none.
     */
    public static Optional<Procedure> readModel(String resourceName, String processKey, BpmnModelInstance model,
            DocumentsProperties documentLimits) {
        ProcessDefinitionEntity definition = new ProcessDefinitionEntity();
        definition.setId(processKey);
        definition.setKey(processKey);
        definition.setVersion(1);
        definition.setResourceName(resourceName);
        return ProcedureMetadata.read(definition, model, documentLimits);
    }

    public Procedure get(String key) {
        return find(key).orElseThrow(() -> new ProcedureNotFoundException(key));
    }

    /** The Camunda Form JSON the applicant fills in for this version of the procedure. */
    public String submissionForm(Procedure procedure) {
        try (InputStream form = forms.getDeployedStartForm(procedure.definitionId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The XHTML source of this version's result template ({@code procedure.resultTemplate}), read from the
     * deployment that holds the version; empty when the procedure has none.
     */
    public Optional<String> resultTemplate(Procedure procedure) {
        if (procedure.resultTemplate() == null) {
            return Optional.empty();
        }
        Deployment own = repository.createDeploymentQuery()
                .deploymentId(repository.getProcessDefinition(procedure.definitionId()).getDeploymentId()).singleResult();
        // Camunda Modeler leaves an unchanged template out of the next deployment of the same name: the version
        // then reads it from the latest deployment of that name before its own that holds it.
        Stream<Deployment> earlier = own.getName() == null ? Stream.empty()
                : repository.createDeploymentQuery().deploymentName(own.getName()).orderByDeploymentTime().desc()
                        .unlimitedList().stream()
                        .filter(deployment -> !deployment.getDeploymentTime().after(own.getDeploymentTime()));
        String holder = Stream.concat(Stream.of(own), earlier)
                .filter(deployment -> repository.getDeploymentResourceNames(deployment.getId())
                        .contains(procedure.resultTemplate()))
                .findFirst().map(Deployment::getId)
                .orElseThrow(() -> new IllegalStateException("Result template " + procedure.resultTemplate() + " of "
                        + procedure.definitionId() + " is in no deployment"));
        try (InputStream template = repository.getResourceAsStream(holder, procedure.resultTemplate())) {
            return Optional.of(new String(template.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // One broken model must not hide the whole catalogue; it is refused by name when asked for.
    private Stream<Procedure> readListable(ProcessDefinition definition) {
        try {
            return read(definition).stream();
        } catch (InvalidProcedureException e) {
            LOG.warn("Procedure left out of the catalogue: {}", e.getMessage());
            return Stream.empty();
        }
    }

    private Optional<Procedure> read(ProcessDefinition definition) {
        return byDefinitionId.get(definition.getId(), id -> ProcedureMetadata.read(
                definition, repository.getBpmnModelInstance(id), documentLimits));
    }
}
