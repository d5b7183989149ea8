package vn.motcua.notify;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Message texts as Thymeleaf TEXT templates under {@code notify/templates/<name>.txt}: the first line
 * is the subject, the rest (after one blank line) the body. Texts stay out of Java code, where
 * analysts and translators can edit them.
 */
@Component
class MessageTemplates {

    static final String PREFIX = "notify/templates/";

    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    MessageTemplates(MessageSource messages) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(PREFIX);
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
        templates.setTemplateEngineMessageSource(messages);
    }

    Message render(String template, Map<String, ?> model, Locale locale) {
        Context context = new Context(locale);
        model.forEach(context::setVariable);
        String text = templates.process(template, context).replace("\r\n", "\n");
        int endOfSubject = text.indexOf('\n');
        String subject = (endOfSubject < 0 ? text : text.substring(0, endOfSubject)).strip();
        if (subject.isEmpty()) {
            throw new IllegalStateException("Template " + PREFIX + template + ".txt renders no subject on its first line");
        }
        String body = endOfSubject < 0 ? "" : text.substring(endOfSubject + 1);
        // One blank line separates subject and body, as in a mail header; it is not part of the body.
        return new Message(subject, body.startsWith("\n") ? body.substring(1) : body);
    }
}
