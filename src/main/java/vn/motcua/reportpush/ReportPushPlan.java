package vn.motcua.reportpush;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.motcua.modelling.ProcessBean;

/**
 * What {@code report_push} reads from the configuration: its timer's cycle
 * ({@code ${reportPushPlan.cycle()}}), the retries of a delivery ({@code ${reportPushPlan.retryCycle()}})
 * and the run's deliveries. The engine evaluates the cycle when it creates the timer; a changed cron
 * cycle moves the waiting timer at the next start ({@link ReportPush#alignTimer()}).
 */
@ProcessBean
@Component("reportPushPlan")
public class ReportPushPlan {

    static final String TIMER = "report_period_ended";

    private final ReportPushProperties settings;

    /** Settings only: the engine evaluates the cycle while it starts, before its services exist. */
    ReportPushPlan(ReportPushProperties settings) {
        this.settings = settings;
    }

    public String cycle() {
        return settings.cycle();
    }

    public String retryCycle() {
        return settings.retryCycle();
    }

    public List<String> deliveries(DelegateExecution execution) {
        return ReportPushSteps.deliveries(execution);
    }
}
