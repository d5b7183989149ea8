package vn.motcua.printing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;
import org.thymeleaf.templateresource.StringTemplateResource;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders a document template to PDF. Templates are XHTML (the PDF renderer parses XML) and may use
 * message keys ({@code #{...}}) from the application's message bundles.
 */
@Service
public class DocumentPrinter {

    /** Documents are legal papers, printed in Vietnamese whatever the page language. */
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final String FONT_FAMILY = "DejaVu Sans";
    private static final String FONTS = "printing/fonts/";

    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    public DocumentPrinter(MessageSource messages) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("printing/templates/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(2);
        templates.addTemplateResolver(new GivenTemplates());
        templates.addTemplateResolver(resolver);
        templates.setTemplateEngineMessageSource(messages);
    }

    /**
     * The national heading every document of a unit starts with (layout.xhtml's {@code heading}): {@code issuer},
     * {@code placeAndDate}, {@code unitName}, and {@code superior} (the unit's governing body above its name, e.g.
     * "ỦY BAN NHÂN DÂN TỈNH HÀ NAM") when given; the place name, when given, opens the date line ("Hà Nam,
     * ngày ..."). A mutable model to add the document's own values to.
     */
    public static Map<String, Object> heading(String unitName, String superior, String place, LocalDate issuedOn) {
        String date = VietnameseDates.longDate(issuedOn);
        Map<String, Object> model = new HashMap<>();
        model.put("issuer", unitName.toUpperCase(VIETNAMESE));
        model.put("placeAndDate", place == null ? Character.toUpperCase(date.charAt(0)) + date.substring(1) : place + ", " + date);
        model.put("unitName", unitName);
        if (superior != null) {
            model.put("superior", superior.toUpperCase(VIETNAMESE));
        }
        return model;
    }

    /** The template {@code printing/templates/<template>.xhtml} filled with {@code model}, as PDF bytes. */
    public byte[] print(String template, Map<String, ?> model, Locale locale) {
        return render(templates.process(template, context(model, locale)), template);
    }

    /**
     * A template that does not ship with the application (a procedure's result template, deployed with its
     * model), given as XHTML {@code source} under {@code name}; it may use the fragments of
     * {@code layout.xhtml} like the templates that ship.
     */
    public byte[] print(String name, String source, Map<String, ?> model, Locale locale) {
        TemplateSpec given = new TemplateSpec(GivenTemplates.PREFIX + name, null, TemplateMode.XML,
                Map.of(GivenTemplates.SOURCE, source));
        return render(templates.process(given, context(model, locale)), name);
    }

    private static Context context(Map<String, ?> model, Locale locale) {
        Context context = new Context(locale);
        model.forEach(context::setVariable);
        return context;
    }

    private static byte[] render(String xhtml, String template) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // Embedded (subset) fonts carry their own glyphs and ToUnicode map: the PDF needs no
            // font on the reader's machine and its text extracts as typed.
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot print " + template, e);
        }
        return pdf.toByteArray();
    }

    /** Resolves {@code given:<name>} to the source handed over with the call; never cached (names may repeat). */
    private static final class GivenTemplates extends AbstractConfigurableTemplateResolver {

        static final String PREFIX = "given:";
        static final String SOURCE = "source";

        GivenTemplates() {
            setOrder(1);
            setResolvablePatterns(Set.of(PREFIX + "*"));
            setTemplateMode(TemplateMode.XML);
            setCacheable(false);
        }

        @Override
        protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate,
                String template, String resourceName, String characterEncoding, Map<String, Object> attributes) {
            Object source = attributes == null ? null : attributes.get(SOURCE);
            return source == null ? null : new StringTemplateResource(source.toString());
        }
    }

    private static InputStream font(String file) {
        InputStream in = DocumentPrinter.class.getClassLoader().getResourceAsStream(FONTS + file);
        if (in == null) {
            throw new IllegalStateException("Font " + FONTS + file + " is missing from the classpath");
        }
        return in;
    }
}
