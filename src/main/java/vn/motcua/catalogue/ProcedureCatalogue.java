package vn.motcua.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
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

    private static final Logger LOG = LoggerFactory.getLogger(ProcedureCatalogue.class);

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

    /** The procedures whose code, name or sector contain the words, ignoring case; all when there are none. */
    public List<Procedure> search(String words) {
        if (words == null || words.isBlank()) {
            return list();
        }
        String needle = words.strip().toLowerCase(Locale.ROOT);
        return list().stream()
                .filter(p -> String.join(" ", p.code(), p.name(), p.nameEn(), p.sector())
                        .toLowerCase(Locale.ROOT).contains(needle))
                .toList();
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
