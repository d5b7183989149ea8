package vn.motcua.portal;

import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import vn.motcua.documents.DocumentContent;
import vn.motcua.documents.DossierDocument;
import vn.motcua.documents.DossierDocuments;
import vn.motcua.documents.Purpose;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.modelling.ProcessBean;
import vn.motcua.notify.Attachment;
import vn.motcua.results.ResultDrafts;
import vn.motcua.results.ResultDrafts.IssuedResult;

/**
 * Results returned online: issued when the result-return model reaches {@code publish_online_result}
 * ({@code ${publishOnlineResult}}), the approved document signed by the unit (results.ResultDrafts), and stored
 * with the dossier's documents (purpose RESULT) in the engine's transaction, so a failure leaves an incident and
 * no half-published result; the applicant downloads the latest from the tracking page.
 */
@Component
class OnlineResults {

    static final String PUBLISHER = "motcua";

    private final DossierManagement dossiers;
    private final DossierDocuments documents;
    private final ResultDrafts results;
    private final ApplicantNotices notices;

    OnlineResults(DossierManagement dossiers, DossierDocuments documents, ResultDrafts results,
            ApplicantNotices notices) {
        this.dossiers = dossiers;
        this.documents = documents;
        this.results = results;
        this.notices = notices;
    }

    void publish(String code) {
        Instant now = DossierManagement.now();
        IssuedResult issued = results.issue(code, now);
        results.store(code, issued.fileName(), issued.pdf(), Purpose.RESULT, PUBLISHER, now);
        notices.resultReady(dossiers.get(code), Attachment.pdf(issued.fileName(), issued.pdf()));
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
