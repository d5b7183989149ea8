package vn.motcua.notify;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Notification settings.
 *
 * @param from     the sender address of e-mails, e.g. {@code motcua@badinh.hanoi.gov.vn}
 * @param fromName the sender's display name, e.g. "Bộ phận một cửa quận Ba Đình"
 * @param locale   the language of rendered messages (message keys in templates)
 */
@ConfigurationProperties("motcua.notify")
record NotifyProperties(String from, String fromName, Locale locale) {

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
    }
}
