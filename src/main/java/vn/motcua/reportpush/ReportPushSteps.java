package vn.motcua.reportpush;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.reports.ReportPeriod;
import vn.motcua.reports.PeriodKind;
import vn.motcua.modelling.ProcessBean;

/** The beans {@code report_push} calls (prepare the run's deliveries, then send each) and {@code dossier_feed}'s. */
@Configuration(proxyBeanMethods = false)
class ReportPushSteps {

    /** Variables of a run: set by a re-send request, or by the preparation for a scheduled run. */
    static final String PERIOD_TYPE = "periodType";
    static final String PERIOD_FROM = "periodFrom";
    static final String ENDPOINT = "endpoint";
    static final String REQUESTED_BY = "requestedBy";
    /** The deliveries of the run, comma-separated: the multi-instance's collection. */
    static final String DELIVERIES = "deliveryIds";
    /** The multi-instance's element: the delivery one job sends. */
    static final String DELIVERY = "deliveryId";

    @ProcessBean
    @Bean
    JavaDelegate prepareReportDeliveries(ReportPush push) {
        return execution -> {
            String type = (String) execution.getVariable(PERIOD_TYPE);
            boolean resend = type != null;
            ReportPeriod period = resend
                    ? ReportPush.periodStarting(PeriodKind.valueOf(type), LocalDate.parse((String) execution.getVariable(PERIOD_FROM)))
                    : push.lastEndedPeriod();
            List<String> ids = push.prepare(period, resend ? ReportDelivery.Trigger.RESEND : ReportDelivery.Trigger.SCHEDULED,
                    (String) execution.getVariable(ENDPOINT), (String) execution.getVariable(REQUESTED_BY),
                    execution.getProcessInstanceId());
            // Cockpit shows which period a run is about.
            execution.setVariable(PERIOD_TYPE, period.kind().name());
            execution.setVariable(PERIOD_FROM, period.from().toString());
            execution.setVariable(DELIVERIES, String.join(",", ids));
        };
    }

    @ProcessBean
    @Bean
    JavaDelegate pushReport(ReportPush push) {
        return execution -> push.send((String) execution.getVariable(DELIVERY));
    }

    /** {@code dossier_feed}'s one step: send the event delivery the instance was started for, then hand on to the next. */
    @ProcessBean
    @Bean
    JavaDelegate sendDossierEvent(DossierFeed feed) {
        return execution -> feed.send((String) execution.getVariable(DossierFeed.DELIVERY));
    }

    /** The deliveries prepared for the run, as the multi-instance's collection. */
    static List<String> deliveries(DelegateExecution execution) {
        String ids = (String) execution.getVariable(DELIVERIES);
        return ids == null || ids.isEmpty() ? List.of() : List.of(ids.split(","));
    }
}
