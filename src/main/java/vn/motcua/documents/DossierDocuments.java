package vn.motcua.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The documents of dossiers: inspect uploads, store them with their dossier, list and open them.
 * Callers check every file first ({@link #check}) and store only when nothing was refused, so a
 * refused request leaves no file and no row; stored files whose transaction rolls back are removed.
 */
@Service
public class DossierDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(DossierDocuments.class);
    private static final int EXCERPT = 160;

    private final DocumentInspector inspector;
    private final UploadRefusals refusals;
    private final DocumentStore store;
    private final DocumentRepository documents;

    DossierDocuments(DocumentInspector inspector, UploadRefusals refusals, DocumentStore store, DocumentRepository documents) {
        this.inspector = inspector;
        this.refusals = refusals;
        this.store = store;
        this.documents = documents;
    }

    /**
     * Inspects every upload against its slot's rule; a slot without a rule is refused. Close the
     * result when done with it.
     */
    public CheckedUploads check(List<Upload> uploads, Function<String, Optional<UploadRule>> ruleOfSlot) {
        List<InspectedFile> accepted = new ArrayList<>();
        List<DocumentViolation> violations = new ArrayList<>();
        try {
            for (Upload upload : uploads) {
                Optional<UploadRule> rule = ruleOfSlot.apply(upload.slot());
                if (rule.isEmpty()) {
                    violations.add(refusals.violation(upload.slot(), DocumentInspector.baseName(upload.fileName()),
                            "unknownSlot", "unknownSlot", upload.slot()));
                    continue;
                }
                try {
                    accepted.add(inspector.inspect(upload, rule.get()));
                } catch (RefusedUploadException refused) {
                    violations.add(refused.violation());
                }
            }
        } catch (RuntimeException e) {
            accepted.forEach(InspectedFile::close);
            throw e;
        }
        return new CheckedUploads(List.copyOf(accepted), List.copyOf(violations));
    }

    /**
     * Stores inspected files with their dossier, in the caller's transaction: if it rolls back, the
     * files written here are removed again.
     */
    @Transactional
    public List<DossierDocument> store(String dossierCode, List<InspectedFile> files, Purpose purpose,
            String uploadedBy, Instant at) {
        List<DossierDocument> stored = new ArrayList<>();
        for (InspectedFile file : files) {
            String key = put(file);
            removeOnRollback(key);
            DossierDocument document = new DossierDocument(0, dossierCode, file.slot(), file.fileName(), file.type(),
                    file.size(), file.sha256(), purpose, at, uploadedBy, null);
            long id = documents.insert(document, key, file.text());
            stored.add(new DossierDocument(id, dossierCode, file.slot(), file.fileName(), file.type(), file.size(),
                    file.sha256(), purpose, at, uploadedBy, null));
        }
        return stored;
    }

    /** A stored document by id, whatever its dossier: the caller checks whose it is. */
    @Transactional(readOnly = true)
    public Optional<DossierDocument> find(long id) {
        return documents.byId(id).map(DocumentRepository.Stored::document);
    }

    /**
     * Adds papers of earlier dossiers to a dossier without storing them again: each new row shares its
     * source's stored file and says where it came from. The caller has checked that the applicant may
     * reuse them and agreed to.
     */
    @Transactional
    public List<DossierDocument> reuse(String dossierCode, Map<String, Long> documentBySlot, Purpose purpose,
            String by, Instant at) {
        List<DossierDocument> reused = new ArrayList<>();
        documentBySlot.forEach((slot, sourceId) -> {
            DocumentRepository.Stored source = documents.byId(sourceId)
                    .orElseThrow(() -> new IllegalArgumentException("no document " + sourceId));
            long id = documents.insertReuse(dossierCode, slot, source, purpose, java.sql.Timestamp.from(at), by);
            reused.add(documents.byId(id).orElseThrow().document());
        });
        return reused;
    }

    /** The papers of these dossiers an applicant may reuse (no results), newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<DossierDocument> reusable(List<String> dossierCodes, int limit) {
        return documents.ofDossiers(dossierCodes, limit);
    }

    /** The dossier's documents in the order they arrived. */
    @Transactional(readOnly = true)
    public List<DossierDocument> list(String dossierCode) {
        return documents.byDossier(dossierCode);
    }

    /** One document of the dossier with its bytes; empty when the dossier has no such document. */
    @Transactional(readOnly = true)
    public Optional<DocumentContent> open(String dossierCode, long id) {
        return documents.find(dossierCode, id)
                .map(found -> new DocumentContent(found.document(), () -> store.open(found.storageKey())));
    }

    /** Documents whose file name or extracted text contains the words (ignoring case), newest first. */
    @Transactional(readOnly = true)
    /** Matches among the dossiers of these units, or of every unit when {@code units} is null. */
    public List<DocumentHit> search(String words, int limit, Set<String> units) {
        String needle = words.strip();
        return documents.search(needle, limit, units).stream()
                .map(match -> new DocumentHit(match.document(), excerpt(match.text(), needle)))
                .toList();
    }

    private String put(InspectedFile file) {
        try (InputStream content = Files.newInputStream(file.spool())) {
            return store.put(content);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + file.fileName(), e);
        }
    }

    private void removeOnRollback(String key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        store.delete(key);
                    } catch (IOException | RuntimeException e) {
                        LOG.warn("Document {} of a rolled-back transaction could not be removed", key, e);
                    }
                }
            }
        });
    }

    private static String excerpt(String text, String needle) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int at = text.toLowerCase(Locale.ROOT).indexOf(needle.toLowerCase(Locale.ROOT));
        int from = Math.max(0, at < 0 ? 0 : at - EXCERPT / 2);
        int to = Math.min(text.length(), from + EXCERPT);
        return (from > 0 ? "…" : "") + text.substring(from, to).replaceAll("\\s+", " ").strip()
                + (to < text.length() ? "…" : "");
    }
}
