package vn.motcua.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * E-mail recipients for officers, from the engine's identity service (users, groups such as
 * {@code reception:000.00.01.H01}), the notification capability's only door to the engine; officers
 * without an e-mail address are skipped with a log line. Applicants are reached by the contact data of
 * their dossier, e-mail and SMS.
 */
@Service
public class Recipients {

    private static final Logger log = LoggerFactory.getLogger(Recipients.class);

    private final IdentityService identity;
    private final SmsProperties sms;

    Recipients(IdentityService identity, SmsProperties sms) {
        this.identity = identity;
        this.sms = sms;
    }

    /**
     * An applicant, through every channel their contact data allows: e-mail when they gave an address, SMS
     * when they gave a phone number (in international form; a number that is none is kept as typed, so the
     * SMS channel records it {@code REJECTED} where officers see it). Empty when they gave neither.
     */
    public List<Recipient> ofApplicant(String name, String email, String phone) {
        List<Recipient> recipients = new ArrayList<>();
        if (email != null && !email.isBlank()) {
            recipients.add(Recipient.email(email, name));
        }
        if (phone != null && !phone.isBlank()) {
            recipients.add(new Recipient(Recipient.SMS, PhoneNumbers.international(phone, sms.countryCode())
                    .orElse(phone.strip()), name));
        }
        return recipients;
    }

    /** The members of a group who have an e-mail address, ordered by user id; empty for an unknown group. */
    public List<Recipient> ofGroup(String groupId) {
        List<Recipient> recipients = new ArrayList<>();
        // Unpaged, as a unit's group is small; runs inside officers' engine calls, past queryMaxResultsLimit.
        for (User user : identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().unlimitedList()) {
            email(user).ifPresent(recipients::add);
        }
        if (recipients.isEmpty()) {
            log.warn("Group {} has no member with an e-mail address", groupId);
        }
        return recipients;
    }

    /** The user's e-mail recipient; empty when the user is unknown or has no address. */
    public Optional<Recipient> ofUser(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            log.warn("No user {} to notify", userId);
            return Optional.empty();
        }
        return email(user);
    }

    private static Optional<Recipient> email(User user) {
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            log.info("User {} has no e-mail address: not notified", user.getId());
            return Optional.empty();
        }
        return Optional.of(Recipient.email(user.getEmail(), displayName(user)));
    }

    private static String displayName(User user) {
        String name = String.join(" ", java.util.stream.Stream.of(user.getFirstName(), user.getLastName())
                .filter(part -> part != null && !part.isBlank()).toList());
        return name.isEmpty() ? null : name;
    }
}
