package vn.motcua.support;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's message bundle as Spring Boot reads it (application.yaml), for tests without a context. */
public final class TestMessages {

    private TestMessages() {
    }

    public static MessageSource bundle() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
