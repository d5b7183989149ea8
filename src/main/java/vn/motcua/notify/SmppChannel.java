package vn.motcua.notify;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * SMS through an operator's SMPP 3.4 gateway (jSMPP), bound as a transmitter. One session per node,
 * bound on first use and bound again after any failure; sends are serialised on it, as gateways
 * limit the sessions and the rate of an account anyway. Present only when
 * {@code motcua.notify.sms.host} is set; without it SMS notifications are recorded {@code NO_CHANNEL}.
 */
@Component
@ConditionalOnProperty("motcua.notify.sms.host")
class SmppChannel implements NotificationChannel, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmppChannel.class);

    /** submit_sm answers that name the destination, not the gateway: retrying cannot help (SMPP 3.4, 5.1.3). */
    private static final List<Integer> ADDRESS_REFUSED = List.of(0x0B /* ESME_RINVDSTADR */,
            0x51 /* ESME_RINVDSTTON */, 0x50 /* ESME_RINVDSTNPI */);

    private final SmsProperties settings;
    private final AtomicInteger references = new AtomicInteger();
    private SMPPSession session;

    SmppChannel(SmsProperties settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return Recipient.SMS;
    }

    @Override
    public synchronized void deliver(Notification n) {
        String to = n.recipient().address();
        if (!PhoneNumbers.isInternational(to)) {
            throw new RecipientRejectedException("Not a phone number: " + to, null);
        }
        List<byte[]> parts = SmsParts.of(n.body().strip(), settings.encoding(), references.incrementAndGet() & 0xFF,
                settings.maxParts());
        ESMClass esm = parts.size() == 1 ? new ESMClass()
                : new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
        GeneralDataCoding coding = new GeneralDataCoding(
                settings.encoding() == SmsEncoding.UCS2 ? Alphabet.ALPHA_UCS2 : Alphabet.ALPHA_DEFAULT);
        boolean brandname = settings.sourceAddress().chars().anyMatch(Character::isLetter);
        try {
            SMPPSession bound = session();
            for (byte[] part : parts) {
                bound.submitShortMessage(settings.systemType(),
                        brandname ? TypeOfNumber.ALPHANUMERIC : TypeOfNumber.UNKNOWN,
                        brandname ? NumberingPlanIndicator.UNKNOWN : NumberingPlanIndicator.ISDN, settings.sourceAddress(),
                        TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, esm, (byte) 0, (byte) 1, null, null,
                        new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0, coding, (byte) 0, part);
            }
        } catch (NegativeResponseException e) {
            if (ADDRESS_REFUSED.contains(e.getCommandStatus())) {
                throw new RecipientRejectedException("The SMS gateway refused " + to + ": command status 0x"
                        + Integer.toHexString(e.getCommandStatus()), e);
            }
            throw new SmsFailedException("The SMS gateway answered command status 0x" + Integer.toHexString(e.getCommandStatus()), e);
        } catch (IOException | PDUException | ResponseTimeoutException | InvalidResponseException e) {
            // The session may be half dead: the next message binds a new one.
            close();
            throw new SmsFailedException("SMS to " + to + " failed: " + e, e);
        }
    }

    private SMPPSession session() throws IOException {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        close();
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(settings.responseTimeout().toMillis());
        fresh.setEnquireLinkTimer(30_000);
        try {
            fresh.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TX,
                    settings.systemId(), settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, null), settings.bindTimeout().toMillis());
        } catch (IOException e) {
            fresh.unbindAndClose();
            throw e;
        }
        log.info("Bound to the SMS gateway {}:{} as {}", settings.host(), settings.port(), settings.systemId());
        session = fresh;
        return fresh;
    }

    private synchronized void close() {
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }

    @Override
    public void destroy() {
        close();
    }

    /** The gateway did not take the message; worth another attempt. */
    static class SmsFailedException extends RuntimeException {
        SmsFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
