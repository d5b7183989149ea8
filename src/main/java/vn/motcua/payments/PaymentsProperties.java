package vn.motcua.payments;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of payments (docs/payments.md).
 *
 * @param accounts      the payee account of each unit, by unit code: fees are paid to the unit that settles the dossier
 * @param bankSecrets   the shared secret of each bank that sends payment notices, by the bank's id in the
 *                      {@code X-Motcua-Bank} header; from the environment only
 *                      ({@code MOTCUA_PAYMENTS_BANKSECRETS_<BANK>})
 * @param noticeWindow  how far a notice's timestamp may be from the server's clock
 */
@ConfigurationProperties("motcua.payments")
record PaymentsProperties(Map<String, PayeeAccount> accounts, Map<String, String> bankSecrets, Duration noticeWindow) {

    PaymentsProperties {
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
        bankSecrets = bankSecrets == null ? Map.of() : Map.copyOf(bankSecrets);
        if (noticeWindow == null) {
            noticeWindow = Duration.ofMinutes(5);
        }
    }

    /**
     * @param bin    the bank's 6-digit BIN (NAPAS acquirer id)
     * @param number the account number
     * @param name   the account holder as the bank knows it (printed under the QR code)
     */
    record PayeeAccount(String bin, String number, String name) {
    }

    Optional<PayeeAccount> account(String unitCode) {
        return Optional.ofNullable(accounts.get(unitCode));
    }

    /** The unit an account belongs to, for notices whose reference names no dossier. */
    Optional<String> unitOfAccount(String number) {
        return accounts.entrySet().stream().filter(e -> e.getValue().number().equals(number)).map(Map.Entry::getKey)
                .findFirst();
    }
}
