package vn.motcua.dossier;

import java.util.Map;

import vn.motcua.catalogue.ResultChannel;

/**
 * What an applicant (online) or a reception officer (counter, post) submits.
 *
 * @param data the values of the procedure's submission form, checked against its rules
 */
public record Submission(String procedureKey, String unitCode, Channel channel, ResultChannel resultChannel,
        Map<String, Object> data, Map<String, Long> reused) {

    /**
     * @param reused papers of the applicant's earlier dossiers used again instead of an upload: the
     *               stored document's id by slot (empty when none); the caller has checked that the
     *               logged-in applicant agreed
     */
    public Submission {
        reused = reused == null ? Map.of() : Map.copyOf(reused);
    }
}
