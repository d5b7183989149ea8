package vn.motcua.agency;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.modelling.ProcessBean;

/** The beans {@code stand_in_period} calls by name. */
@Configuration(proxyBeanMethods = false)
class StandInDelegates {

    /** The period's bounds for the model's timers, as the holder named them. */
    @Bean
    @ProcessBean
    StandInPeriod standInPeriod(StandInRepository repository) {
        return new StandInPeriod(repository);
    }

    @Bean
    @ProcessBean
    JavaDelegate beginStandIn(StandIns standIns) {
        return execution -> standIns.begin(((Number) execution.getVariable("standInId")).longValue());
    }

    @Bean
    @ProcessBean
    JavaDelegate endStandIn(StandIns standIns) {
        return execution -> standIns.end(((Number) execution.getVariable("standInId")).longValue());
    }
}
