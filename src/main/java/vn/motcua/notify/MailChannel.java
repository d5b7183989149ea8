package vn.motcua.notify;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
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
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, !n.attachments().isEmpty(),
                    StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from(), settings.fromName());
            if (n.recipient().displayName() == null) {
                helper.setTo(n.recipient().address());
            } else {
                helper.setTo(new jakarta.mail.internet.InternetAddress(n.recipient().address(),
                        n.recipient().displayName(), StandardCharsets.UTF_8.name()));
            }
            helper.setSubject(n.subject());
            helper.setText(n.body(), false);
            for (Attachment attachment : n.attachments()) {
                helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException("Cannot build the e-mail for " + n.eventKey() + ": " + e.getMessage(), e);
        }
        mail.send(message);
    }
}
