/**
 * Automatic reporting to a central system: each period the engine's timer starts {@code report_push},
 * which sends the period's report (II.06a and rankings) to every configured webhook, signed with
 * HMAC-SHA256, retried by the engine, every attempt in the delivery log; and the dossier event feed,
 * each dossier's transactions written in the step's transaction and sent in order by the jobs of
 * {@code dossier_feed}. See docs/reporting-push.md.
 */
package vn.motcua.reportpush;
