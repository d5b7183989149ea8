package vn.motcua.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.MotcuaProperties;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    ShippedYears shippedYears() {
        return ShippedYears.read(ShippedYears.LOCATION);
    }

    @Bean
    WorkingCalendar workingCalendar(CalendarProperties settings, MotcuaProperties motcua, CalendarYears years) {
        return new WorkingCalendar(settings, motcua.zone(), years);
    }
}
