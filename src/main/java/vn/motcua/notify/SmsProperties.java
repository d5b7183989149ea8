package vn.motcua.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMS gateway: an operator's SMPP server (SMPP 3.4, bind as transmitter), as Vietnamese brandname-SMS
 * providers offer it. SMS is on when {@code host} is set.
 *
 * @param host            the SMSC's host name
 * @param port            its port, 2775 unless the operator says otherwise
 * @param systemId        the account the operator gave (system_id)
 * @param password        its password, from the environment only
 * @param systemType      system_type, empty unless the operator asks for one
 * @param sourceAddress   the registered brandname (e.g. "UBND BADINH") or a short code
 * @param encoding        {@code UCS2}: Vietnamese with its diacritics (data coding 0x08, 70 characters per
 *                        SMS, 67 per part of a long one); {@code GSM_UNACCENTED}: the text without diacritics
 *                        in the default alphabet (160 and 153), for operators and brandnames that do not
 *                        take UCS-2 or bill it higher
 * @param countryCode     calling code that national numbers ("0912 ...") are given, 84
 * @param maxParts        a longer text is refused rather than sent as a chain of parts nobody reads
 * @param bindTimeout     how long connecting and binding may take
 * @param responseTimeout how long the SMSC may take to answer one submit_sm
 */
@ConfigurationProperties("motcua.notify.sms")
record SmsProperties(String host, Integer port, String systemId, String password, String systemType,
        String sourceAddress, SmsEncoding encoding, String countryCode, Integer maxParts, Duration bindTimeout,
        Duration responseTimeout) {

    SmsProperties {
        port = port == null ? 2775 : port;
        systemType = systemType == null ? "" : systemType;
        encoding = encoding == null ? SmsEncoding.UCS2 : encoding;
        countryCode = countryCode == null || countryCode.isBlank() ? "84" : countryCode;
        maxParts = maxParts == null ? 6 : maxParts;
        bindTimeout = bindTimeout == null ? Duration.ofSeconds(10) : bindTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
        if (host != null && !host.isBlank() && (systemId == null || systemId.isBlank()
                || sourceAddress == null || sourceAddress.isBlank())) {
            throw new IllegalArgumentException("motcua.notify.sms.host is set: motcua.notify.sms.system-id and "
                    + "motcua.notify.sms.source-address (the brandname) are needed too");
        }
        // SMPP 3.4 (4.1.1) bounds these C-octet strings; a longer one fails every bind, at 3 a.m.
        if ((systemId != null && systemId.length() > 15) || (password != null && password.length() > 8)
                || systemType.length() > 12 || (sourceAddress != null && sourceAddress.length() > 20)) {
            throw new IllegalArgumentException("SMPP allows a system id of 15 characters, a password of 8, a system "
                    + "type of 12 and a source address of 20 at most (motcua.notify.sms.*)");
        }
    }
}
