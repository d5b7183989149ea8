package vn.motcua.dossier;

import java.util.Map;

import vn.motcua.catalogue.ResultChannel;

/**
 * What an applicant (online) or a reception officer (counter, post) submits.
 *
 * @param data the values of the procedure's submission form, checked against its rules
 */
public record Submission(String procedureKey, String unitCode, Channel channel, ResultChannel resultChannel,
        Map<String, Object> data) {
}
