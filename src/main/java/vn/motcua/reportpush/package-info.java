/**
 * Automatic reporting to a central system: each period the engine's timer starts {@code report_push},
 * which sends the period's report (II.06a and rankings) to every configured webhook, signed with
 * HMAC-SHA256, retried by the engine, every attempt in the delivery log. See docs/reporting-push.md.
 */
package vn.motcua.reportpush;
