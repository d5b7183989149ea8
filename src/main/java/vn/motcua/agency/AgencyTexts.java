package vn.motcua.agency;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The administration's texts from the message bundles, in the language of the request (Vietnamese by default). */
@Component
class AgencyTexts {

    private static final java.util.Locale VIETNAMESE = java.util.Locale.forLanguageTag("vi");

    private final MessageSource messages;

    AgencyTexts(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /** Texts that become data (the control sheet), always in the agency's language. */
    String vietnamese(String key, Object... arguments) {
        return messages.getMessage(key, arguments, VIETNAMESE);
    }

    AgencyRequestException.Violation violation(Integer line, String field, String code, Object... arguments) {
        return new AgencyRequestException.Violation(line, field, code, get("agency.violation." + code, arguments));
    }
}
