package vn.motcua.portal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import vn.motcua.documents.CheckedUploads;
import vn.motcua.documents.DocumentContent;
import vn.motcua.documents.DocumentType;
import vn.motcua.documents.DossierDocument;
import vn.motcua.documents.DossierDocuments;
import vn.motcua.documents.Purpose;
import vn.motcua.documents.Upload;
import vn.motcua.documents.UploadRule;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.modelling.ProcessBean;
import vn.motcua.notify.Attachment;

/**
 * Results returned online: printed when the result-return model reaches
 * {@code publish_online_result} ({@code ${publishOnlineResult}}) and stored with the dossier's
 * documents (purpose RESULT) in the engine's transaction, so a failure leaves an incident and no
 * half-published result; the applicant downloads the latest from the tracking page.
 */
@Component
class OnlineResults {

    static final String SLOT = "result";
    static final String PUBLISHER = "motcua";
    private static final UploadRule PRINTED_PDF = new UploadRule(Set.of(DocumentType.PDF), DataSize.ofMegabytes(20));

    private final DossierManagement dossiers;
    private final DossierDocuments documents;
    private final ResultDocuments results;
    private final ApplicantNotices notices;

    OnlineResults(DossierManagement dossiers, DossierDocuments documents, ResultDocuments results,
            ApplicantNotices notices) {
        this.notices = notices;
        this.dossiers = dossiers;
        this.documents = documents;
        this.results = results;
    }

    void publish(String code) {
        Dossier dossier = dossiers.get(code);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        byte[] pdf = results.print(dossier, dossiers.controlSheet(code), now);
        Upload upload = new Upload(SLOT, ResultDocuments.fileName(dossier), new ByteArrayResource(pdf));
        // Inspected like any upload, so a stored result is a document like the others (checksum, text).
        try (CheckedUploads checked = documents.check(List.of(upload), slot -> Optional.of(PRINTED_PDF))) {
            if (!checked.violations().isEmpty()) {
                throw new IllegalStateException("The printed result of " + code + " was refused: " + checked.violations());
            }
            documents.store(code, checked.accepted(), Purpose.RESULT, PUBLISHER, now);
        }
        notices.resultReady(dossier, Attachment.pdf(upload.fileName(), pdf));
    }

    /** The result published last for the dossier, if any. */
    Optional<DossierDocument> latest(String code) {
        return documents.list(code).stream().filter(document -> document.purpose() == Purpose.RESULT)
                .reduce((first, second) -> second);
    }

    Optional<DocumentContent> open(String code) {
        return latest(code).flatMap(document -> documents.open(code, document.id()));
    }

    @Configuration(proxyBeanMethods = false)
    static class Delegates {

        @ProcessBean
        @Bean
        JavaDelegate publishOnlineResult(OnlineResults results) {
            return execution -> {
                String code = execution.getProcessBusinessKey();
                if (code == null) {
                    throw new IllegalStateException("Process " + execution.getProcessDefinitionId()
                            + " runs without a dossier code as business key");
                }
                results.publish(code);
            };
        }
    }
}
