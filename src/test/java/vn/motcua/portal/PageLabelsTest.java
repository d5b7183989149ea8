package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.motcua.catalogue.OnlineLevel;
import vn.motcua.catalogue.ResultChannel;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Decision;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.EventType;
import vn.motcua.evaluation.Satisfaction;
import vn.motcua.payments.PaymentException;
import vn.motcua.reports.PeriodKind;
import vn.motcua.unit.UnitLevel;

/**
 * Pages show enum values through message keys ({@code #{'event.' + type}}); a value added to an enum
 * without its label would show as {@code ??event.X_vi??} to applicants.
 */
class PageLabelsTest {

    private static final List<LabelledEnum> LABELLED = List.of(
            new LabelledEnum("event.", EventType.class),
            new LabelledEnum("status.", DossierStatus.class),
            new LabelledEnum("decision.", Decision.class),
            new LabelledEnum("channel.", Channel.class),
            new LabelledEnum("resultChannel.", ResultChannel.class),
            new LabelledEnum("onlineLevel.", OnlineLevel.class),
            new LabelledEnum("unitLevel.", UnitLevel.class),
            new LabelledEnum("satisfaction.", Satisfaction.class),
            new LabelledEnum("period.", PeriodKind.class),
            new LabelledEnum("paymentException.", PaymentException.Kind.class));

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_en.properties"})
    void shouldLabelEveryValueThePagesShow(String bundle) throws IOException {
        Properties messages = load(bundle);

        List<String> missing = LABELLED.stream()
                .flatMap(labelled -> Arrays.stream(labelled.type().getEnumConstants())
                        .map(value -> labelled.prefix() + value.name()))
                .filter(key -> !messages.containsKey(key))
                .toList();

        assertThat(missing).as("keys missing from %s", bundle).isEmpty();
    }

    private static Properties load(String bundle) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = PageLabelsTest.class.getClassLoader().getResourceAsStream(bundle)) {
            assertThat(in).as(bundle).isNotNull();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }

    private record LabelledEnum(String prefix, Class<? extends Enum<?>> type) {
    }
}
