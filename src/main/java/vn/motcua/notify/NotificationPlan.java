package vn.motcua.notify;

import org.springframework.stereotype.Component;

import vn.motcua.modelling.ProcessBean;

/** What {@code notification_delivery} reads from the configuration: the retries of its job ({@code ${notificationPlan.retryCycle()}}). */
@ProcessBean
@Component("notificationPlan")
public class NotificationPlan {

    private final NotifyProperties settings;

    NotificationPlan(NotifyProperties settings) {
        this.settings = settings;
    }

    public String retryCycle() {
        return settings.retryCycle();
    }
}
