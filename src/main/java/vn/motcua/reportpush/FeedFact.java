package vn.motcua.reportpush;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.evaluation.Evaluation;

/**
 * What one fact of a dossier tells the feed: the event's type, the unit the dossier is at after it,
 * and the type's own fields ({@code data} in the payload). Control-sheet rows that are not transactions
 * (completed steps, deadline rows, payments) tell it nothing.
 */
record FeedFact(FeedEventType type, String unit, Map<String, Object> data) {

    /**
     * The event a control-sheet row gives, if any. A {@code HANDED_OVER} row is an event only when it
     * moves the dossier to another unit: it names the units it moves between (a travelling dossier), or its
     * receiver is a unit code, or candidate groups
     * {@code <role>:<unit>} of one unit other than {@code currentUnit}; a hand-over within the unit is not.
     */
    static Optional<FeedFact> of(DossierEvent row, Dossier dossier, String currentUnit, Predicate<String> isUnit) {
        return switch (row.type()) {
            case SUBMITTED -> Optional.of(new FeedFact(FeedEventType.RECEIVED, currentUnit, data(
                    "channel", dossier.channel().name(), "resultChannel", dossier.resultChannel().name(),
                    "dueAt", text(dossier.dueAt()))));
            case ACCEPTED -> Optional.of(new FeedFact(FeedEventType.ACCEPTED, currentUnit, data(
                    "dueAt", text(dossier.dueAt()))));
            case SUPPLEMENT_REQUESTED -> Optional.of(new FeedFact(FeedEventType.SUPPLEMENT_REQUESTED, currentUnit, Map.of()));
            case SUPPLEMENT_RECEIVED -> Optional.of(new FeedFact(FeedEventType.SUPPLEMENT_RECEIVED, currentUnit, Map.of()));
            case DECIDED -> Optional.of(new FeedFact(FeedEventType.DECIDED, currentUnit, data(
                    "decision", "APPROVED".equals(row.outcome()) ? "approved" : "rejected")));
            case RESULT_RETURNED -> Optional.of(new FeedFact(FeedEventType.RESULT_RETURNED, currentUnit, data(
                    "resultChannel", dossier.resultChannel().name())));
            case REFUSED -> Optional.of(new FeedFact(FeedEventType.REFUSED, currentUnit, Map.of()));
            case CLOSED_WITHOUT_SUPPLEMENT -> Optional.of(new FeedFact(FeedEventType.CLOSED, currentUnit, data(
                    "reason", "without_supplement")));
            case CLOSED_WITHOUT_PAYMENT -> Optional.of(new FeedFact(FeedEventType.CLOSED, currentUnit, data(
                    "reason", "without_payment")));
            case HANDED_OVER -> receivingUnit(row, isUnit).filter(unit -> !unit.equals(currentUnit))
                    .map(unit -> new FeedFact(FeedEventType.HANDED_OVER, unit, data("fromUnit", currentUnit, "toUnit", unit)));
            default -> Optional.empty();
        };
    }

    /** The applicant's rating: the overall satisfaction and each criterion. */
    static FeedFact rated(Evaluation evaluation, String currentUnit) {
        return new FeedFact(FeedEventType.RATED, currentUnit, data(
                "overall", evaluation.overall().name(), "timeliness", evaluation.timeliness().name(),
                "staffAttitude", evaluation.staffAttitude().name(),
                "informationClarity", evaluation.informationClarity().name(),
                "contactsNeeded", evaluation.contactsNeeded()));
    }

    /**
     * The unit a hand-over moves the dossier to: the unit code of a hand-over between units (a travelling
     * dossier's row names both units), else what its receiver names.
     */
    private static Optional<String> receivingUnit(DossierEvent row, Predicate<String> isUnit) {
        return row.toUnit() != null ? Optional.of(row.toUnit()).filter(isUnit) : unitOf(row.to(), isUnit);
    }

    /** The unit a hand-over's receiver names: a unit code itself, or the one unit of its groups {@code role:unit}. */
    private static Optional<String> unitOf(String receiver, Predicate<String> isUnit) {
        if (receiver == null || receiver.isBlank()) {
            return Optional.empty();
        }
        String whole = receiver.strip();
        if (isUnit.test(whole)) {
            return Optional.of(whole);
        }
        Set<String> units = Arrays.stream(whole.split(","))
                .map(String::strip)
                .filter(holder -> holder.indexOf(':') > 0)
                .map(holder -> holder.substring(holder.indexOf(':') + 1))
                .collect(Collectors.toSet());
        // An assignee (a user id) or groups of several units say nothing about where the dossier went.
        return units.size() == 1 ? Optional.of(units.iterator().next()).filter(isUnit) : Optional.empty();
    }

    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        return data;
    }

    private static String text(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
