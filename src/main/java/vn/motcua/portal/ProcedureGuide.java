package vn.motcua.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.motcua.catalogue.Allowance;
import vn.motcua.catalogue.DocumentSlot;
import vn.motcua.catalogue.OnlineLevel;
import vn.motcua.catalogue.PaymentStage;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.catalogue.ProcedureStep;
import vn.motcua.catalogue.ResultChannel;
import vn.motcua.catalogue.SubmissionChannel;
import vn.motcua.forms.FormField;
import vn.motcua.forms.FormSchema;
import vn.motcua.unit.Unit;
import vn.motcua.unit.UnitDirectory;

/**
 * The procedure page's content, worked out from the deployed models alone: the catalogue entry
 * ({@code procedure.*}), the steps the lifecycle and the procedure's model run, and the submission
 * form's labels (a document required "when ownership is a household" names the field and option as
 * the form shows them). Nothing about a procedure is written a second time for this page.
 */
@Component
class ProcedureGuide {

    private final ProcedureCatalogue catalogue;
    private final UnitDirectory units;
    private final MessageSource messages;

    ProcedureGuide(ProcedureCatalogue catalogue, UnitDirectory units, MessageSource messages) {
        this.catalogue = catalogue;
        this.units = units;
        this.messages = messages;
    }

    /** What the page shows, in the request's language. */
    record Page(Procedure procedure, String name, List<Step> steps, List<Document> documents, String fee,
            List<String> feeNotes, List<String> timeNotes, List<String> counterSteps, boolean online,
            List<Unit> units) {
    }

    record Step(int number, String name, String who, String time, boolean parallel, List<String> outcomes) {
    }

    record Document(String name, String need, String accepts) {
    }

    Page of(Procedure procedure) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean english = "en".equals(locale.getLanguage());
        Map<String, FormField> fields = FormSchema.parse(catalogue.submissionForm(procedure)).fields().stream()
                .collect(Collectors.toMap(FormField::key, Function.identity(), (a, b) -> a));
        List<Step> steps = new ArrayList<>();
        for (ProcedureStep step : catalogue.steps(procedure)) {
            steps.add(new Step(steps.size() + 1, step.name(),
                    step.role() == null ? null : text(locale, "guide.role." + step.role(), step.role()),
                    step.time() == null ? null : duration(step.time(), locale), step.parallel(), step.outcomes()));
        }
        List<Document> documents = procedure.documents().stream()
                .map(slot -> new Document(english ? slot.nameEn() : slot.name(), need(slot, fields, locale),
                        text(locale, "documents.accepts", null, PortalWebConfig.PageSlots.typesOf(slot),
                                PortalWebConfig.PageSlots.sizeOf(slot))))
                .toList();
        boolean online = procedure.channels().contains(SubmissionChannel.ONLINE);
        return new Page(procedure, english ? procedure.nameEn() : procedure.name(), steps, documents, fee(procedure, locale),
                feeNotes(procedure, locale), timeNotes(procedure, locale), counterSteps(procedure, locale), online,
                units.open().stream().filter(unit -> unit.level() == procedure.unitLevel()).toList());
    }

    private String need(DocumentSlot slot, Map<String, FormField> fields, Locale locale) {
        if (slot.required()) {
            return text(locale, "guide.document.required", null);
        }
        if (slot.requiredWhen() == null) {
            return text(locale, "guide.document.optional", null);
        }
        FormField field = fields.get(slot.requiredWhen().field());
        String label = field == null ? slot.requiredWhen().field() : label(field.label(), locale);
        String values = slot.requiredWhen().values().stream()
                .map(value -> field == null ? value : field.options().stream().filter(o -> o.value().equals(value))
                        .findFirst().map(o -> label(o.label(), locale)).orElse(value))
                .collect(Collectors.joining(text(locale, "guide.or", null)));
        return text(locale, "guide.document.requiredWhen", null, label, values);
    }

    private String fee(Procedure procedure, Locale locale) {
        if (procedure.feeNote() != null) {
            return label(procedure.feeNote(), locale);
        }
        if (procedure.feeDecision() != null) {
            return text(locale, "guide.fee.decision", null);
        }
        return procedure.fee() == 0 ? text(locale, "procedure.fee.none", null)
                : text(locale, "procedure.fee.amount", null, NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi"))
                        .format(procedure.fee()));
    }

    private List<String> feeNotes(Procedure procedure, Locale locale) {
        List<String> notes = new ArrayList<>();
        procedure.feeExemptions().forEach(exemption -> notes.add(text(locale, "guide.fee.exemption", null,
                label(exemption.reason(), locale))));
        if (procedure.feeBearing() && procedure.payment() != PaymentStage.NONE) {
            notes.add(text(locale, "guide.payment." + procedure.payment(), null));
        }
        return notes;
    }

    private List<String> timeNotes(Procedure procedure, Locale locale) {
        List<String> notes = new ArrayList<>();
        if (procedure.timeLimits().cutOff() != null) {
            notes.add(text(locale, "guide.time.cutOff", null, procedure.timeLimits().cutOff().toString()));
        }
        notes.add(text(locale, "guide.time.clock." + procedure.timeLimits().clockPolicy(), null));
        return notes;
    }

    /** What is done at the desk rather than online: the part a partially online procedure leaves there. */
    private List<String> counterSteps(Procedure procedure, Locale locale) {
        List<String> steps = new ArrayList<>();
        if (!procedure.channels().contains(SubmissionChannel.ONLINE)) {
            steps.add(text(locale, procedure.channels().contains(SubmissionChannel.POST)
                    ? "guide.counter.submitOrPost" : "guide.counter.submit", null));
        }
        if (!procedure.resultChannels().contains(ResultChannel.ONLINE)) {
            steps.add(text(locale, "guide.counter.result", null, procedure.resultChannels().stream()
                    .map(channel -> text(locale, "resultChannel." + channel, null)).collect(Collectors.joining(", "))));
        }
        if (steps.isEmpty() && procedure.onlineLevel() == OnlineLevel.WHOLLY_ONLINE) {
            steps.add(text(locale, "guide.counter.none", null));
        }
        return steps;
    }

    private static final BigDecimal HALF_DAY = BigDecimal.valueOf(4);

    /** A share of working time as people say it: in days (0,5 ngày, 1,5 ngày) when it is whole half days, else in hours. */
    private String duration(Allowance time, Locale locale) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(2);
        BigDecimal hours = time.workingHours();
        if (time.unit() == Allowance.Unit.SAME_DAY) {
            return text(locale, "procedure.deadline.sameDay", null);
        }
        if (hours.remainder(HALF_DAY).signum() != 0) {
            return text(locale, "guide.time.hours", null, number.format(hours));
        }
        return text(locale, "guide.time.days", null, number.format(hours.divide(Allowance.HOURS_PER_DAY, 2, RoundingMode.HALF_UP)));
    }

    /** The Vietnamese or English half of a label written "Tiếng Việt / English". */
    static String label(String text, Locale locale) {
        if (text == null) {
            return "";
        }
        int slash = text.indexOf(" / ");
        if (slash < 0) {
            return text;
        }
        return "en".equals(locale.getLanguage()) ? text.substring(slash + 3).strip() : text.substring(0, slash).strip();
    }

    private String text(Locale locale, String key, String fallback, Object... arguments) {
        return messages.getMessage(key, arguments, fallback == null ? key : fallback, locale);
    }
}
