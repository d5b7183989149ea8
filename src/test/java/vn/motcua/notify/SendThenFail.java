package vn.motcua.notify;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.motcua.modelling.ProcessBean;

/**
 * A step of a test process that notifies and then fails as often as {@link #FAILURES} says, the way
 * an engine job fails after its e-mail went out (e.g. an optimistic-locking conflict at commit). A bean,
 * because the procedure checks refuse models that name Java classes, test models too.
 */
@Component("sendThenFail")
@ProcessBean
public class SendThenFail implements JavaDelegate {

    static final AtomicInteger FAILURES = new AtomicInteger();
    static volatile Notifier notifier;

    @Override
    public void execute(DelegateExecution execution) {
        notifier.send(new Notification("test:" + execution.getProcessBusinessKey() + ":warning", null,
                Recipient.email("head@demo.motcua.vn", "Lê Hoàng Nam"),
                new Message("Cảnh báo " + execution.getProcessBusinessKey(), "Hồ sơ sắp đến hạn.")));
        if (FAILURES.getAndDecrement() > 0) {
            throw new IllegalStateException("the job fails after the notification went out");
        }
    }
}
