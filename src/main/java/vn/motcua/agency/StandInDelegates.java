package vn.motcua.agency;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@code stand_in_period} calls by name. */
@Configuration(proxyBeanMethods = false)
class StandInDelegates {

    @Bean
    JavaDelegate beginStandIn(StandIns standIns) {
        return execution -> standIns.begin(((Number) execution.getVariable("standInId")).longValue());
    }

    @Bean
    JavaDelegate endStandIn(StandIns standIns) {
        return execution -> standIns.end(((Number) execution.getVariable("standInId")).longValue());
    }
}
