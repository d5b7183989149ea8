package vn.motcua.notify;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Notification settings.
 *
 * @param from     the sender address of e-mails, e.g. {@code motcua@badinh.hanoi.gov.vn}
 * @param fromName the sender's display name, e.g. "Bộ phận một cửa quận Ba Đình"
 * @param locale     the language of rendered messages (message keys in templates)
 * @param retryCycle how the engine retries a failed notification job (an ISO 8601 repetition, e.g.
 *                   {@code R12/PT10M}: 12 attempts in all, 10 minutes apart), before it raises an incident
 */
@ConfigurationProperties("motcua.notify")
record NotifyProperties(String from, String fromName, Locale locale, String retryCycle) {

    NotifyProperties {
        if (from == null || from.isBlank()) {
            from = "no-reply@motcua.local";
        }
        if (fromName == null || fromName.isBlank()) {
            fromName = "Bộ phận một cửa";
        }
        if (locale == null) {
            locale = Locale.forLanguageTag("vi-VN");
        }
        if (retryCycle == null || retryCycle.isBlank()) {
            retryCycle = "R12/PT10M";
        }
    }
}
