package vn.motcua.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The texts of problem bodies, from messages*.properties: a detail in Vietnamese, then English after
 * " / " (whatever language the client asked for: officers, applicants and the agency's scripts read the
 * same answer), and a title in English, a stable label clients may match on. Keys naming a title have
 * a {@code .title.} segment.
 *
 * <p>Also a {@link MessageSource} for Spring's own {@code ErrorResponse} resolution: an exception that
 * names its detail by message code (e.g. {@code AccessRefusedException}) gets it in both languages.
 * A code the bundle does not hold resolves to the caller's default, so Spring's own details stay.
 */
public final class ProblemTexts implements MessageSource {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    public ProblemTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code key} in Vietnamese, " / ", then in English. */
    public String detail(String key, Object... arguments) {
        return messages.getMessage(key, arguments, VIETNAMESE) + " / " + messages.getMessage(key, arguments, Locale.ENGLISH);
    }

    public String title(String key) {
        return messages.getMessage(key, null, Locale.ENGLISH);
    }

    /** A problem with its title and detail from the bundle. */
    public ProblemDetail problem(HttpStatusCode status, String titleKey, String detailKey, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(detailKey, arguments));
        problem.setTitle(title(titleKey));
        return problem;
    }

    @Override
    public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
        if (messages.getMessage(code, args, null, VIETNAMESE) == null) {
            return defaultMessage;
        }
        return code.contains(".title.") ? title(code) : detail(code, args);
    }

    @Override
    public String getMessage(String code, Object[] args, Locale locale) {
        String message = getMessage(code, args, null, locale);
        if (message == null) {
            throw new NoSuchMessageException(code, locale);
        }
        return message;
    }

    @Override
    public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
        String[] codes = resolvable.getCodes();
        if (codes != null) {
            for (String code : codes) {
                String message = getMessage(code, resolvable.getArguments(), null, locale);
                if (message != null) {
                    return message;
                }
            }
        }
        if (resolvable.getDefaultMessage() != null) {
            return resolvable.getDefaultMessage();
        }
        throw new NoSuchMessageException(codes == null || codes.length == 0 ? "" : codes[0], locale);
    }
}
