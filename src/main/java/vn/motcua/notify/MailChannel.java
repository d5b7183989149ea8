package vn.motcua.notify;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail through the SMTP server configured under {@code spring.mail.*}. Present only when
 * {@code spring.mail.host} is set (the same condition Spring Boot uses for its mail sender), so the
 * embedded demo starts without an SMTP server and records e-mails as {@code NO_CHANNEL}.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
class MailChannel implements NotificationChannel {

    private final JavaMailSender mail;
    private final NotifyProperties settings;

    MailChannel(JavaMailSender mail, NotifyProperties settings) {
        this.mail = mail;
        this.settings = settings;
    }

    @Override
    public String name() {
        return Recipient.EMAIL;
    }

    @Override
    public void deliver(Notification n) {
        InternetAddress to = address(n.recipient());
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, !n.attachments().isEmpty(),
                    StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from(), settings.fromName());
            helper.setTo(to);
            helper.setSubject(n.subject());
            helper.setText(n.body(), false);
            for (Attachment attachment : n.attachments()) {
                helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException("Cannot build the e-mail for " + n.eventKey() + ": " + e.getMessage(), e);
        }
        try {
            mail.send(message);
        } catch (MailSendException e) {
            if (refused(e, to)) {
                throw new RecipientRejectedException("The SMTP server refused " + to.getAddress() + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static InternetAddress address(Recipient recipient) {
        try {
            InternetAddress address = new InternetAddress(recipient.address(), true);
            address.validate();
            if (recipient.displayName() != null) {
                address.setPersonal(recipient.displayName(), StandardCharsets.UTF_8.name());
            }
            return address;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new RecipientRejectedException("Not an e-mail address: " + recipient.address(), e);
        }
    }

    /** JavaMail lists an address as invalid when the server answers RCPT TO with a permanent (5xx) error. */
    private static boolean refused(MailSendException e, InternetAddress to) {
        return e.getFailedMessages().values().stream()
                .flatMap(MailChannel::causes)
                .filter(SendFailedException.class::isInstance)
                .map(SendFailedException.class::cast)
                .filter(failed -> failed.getInvalidAddresses() != null)
                .flatMap(failed -> Arrays.stream(failed.getInvalidAddresses()))
                .anyMatch(invalid -> invalid instanceof InternetAddress a && a.getAddress().equalsIgnoreCase(to.getAddress()));
    }

    private static Stream<Throwable> causes(Throwable e) {
        return Stream.iterate(e, Objects::nonNull, Throwable::getCause);
    }
}
