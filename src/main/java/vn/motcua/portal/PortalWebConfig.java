package vn.motcua.portal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import vn.motcua.MotcuaProperties;
import vn.motcua.catalogue.DocumentSlot;

/**
 * Vietnamese first: pages speak Vietnamese unless {@code ?lang=en} was chosen, which a cookie
 * remembers for a year.
 */
@Configuration(proxyBeanMethods = false)
class PortalWebConfig implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("motcua-lang");
        resolver.setDefaultLocale(VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    /** How an upload control describes its slot ({@code ${@pageSlots.accept(slot)}}). */
    @Component("pageSlots")
    static class PageSlots {

        /** The accept attribute: every extension of every type the slot allows. */
        public String accept(DocumentSlot slot) {
            return slot.types().stream().sorted().flatMap(type -> type.extensions().stream())
                    .map(extension -> "." + extension).collect(Collectors.joining(","));
        }

        public String types(DocumentSlot slot) {
            return typesOf(slot);
        }

        public String maxSize(DocumentSlot slot) {
            return sizeOf(slot);
        }

        static String typesOf(DocumentSlot slot) {
            return slot.types().stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
        }

        static String sizeOf(DocumentSlot slot) {
            long bytes = slot.maxSizeBytes();
            return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : Math.max(1, bytes / 1024) + " KB";
        }
    }

    /** Times on pages, in the agency's zone ({@code ${@pageDates.format(instant)}}). */
    @Component("pageDates")
    static class PageDates {

        private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

        private final MotcuaProperties settings;

        PageDates(MotcuaProperties settings) {
            this.settings = settings;
        }

        public String format(Instant instant) {
            return instant == null ? "" : DATE_TIME.format(instant.atZone(settings.zone()));
        }

        public String date(Instant instant) {
            return instant == null ? "" : DATE.format(instant.atZone(settings.zone()));
        }

        public String day(LocalDate day) {
            return day == null ? "" : DATE.format(day);
        }
    }
}
