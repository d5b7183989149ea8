package vn.motcua.evaluation;

import java.time.Instant;

/**
 * An applicant's rating of how a dossier was handled.
 *
 * @param overall            overall satisfaction
 * @param timeliness         was the result on time
 * @param staffAttitude      the officers' conduct
 * @param informationClarity how clear the procedure's information and the requests were
 * @param contactsNeeded     how many times the applicant had to come or get in touch
 */
public record Evaluation(
        String dossierCode,
        String unitCode,
        String procedureKey,
        Satisfaction overall,
        Satisfaction timeliness,
        Satisfaction staffAttitude,
        Satisfaction informationClarity,
        int contactsNeeded,
        String comment,
        Instant submittedAt) {
}
