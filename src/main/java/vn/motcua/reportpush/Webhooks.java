package vn.motcua.reportpush;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One signed POST of a delivery, for reports and feed events alike: the delivery id, attempt, timestamp
 * and signature headers (docs/reporting-push.md, "The request"), the attempt in the delivery log, and a
 * {@link DeliveryFailedException} when the receiver does not answer 2xx, so that the engine retries the job.
 */
@Component
class Webhooks {

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    private final ReportPushProperties settings;
    private final DeliveryLog deliveries;
    private final HttpClient http;

    Webhooks(ReportPushProperties settings, DeliveryLog deliveries) {
        this.settings = settings;
        this.deliveries = deliveries;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * @param what    how the log names what is sent, e.g. {@code report MONTH 2026-10-01..2026-10-31}
     * @param headers the headers that say what the body is (period, or event, dossier and sequence)
     */
    void post(ReportDelivery delivery, URI url, String secret, byte[] body, Map<String, String> headers, String what) {
        int attempt = delivery.attempts() + 1;
        Instant started = Instant.now();
        long timestamp = started.getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.DELIVERY, delivery.id())
                .header(WebhookSignature.ATTEMPT, String.valueOf(attempt))
                .header(WebhookSignature.TIMESTAMP, String.valueOf(timestamp))
                .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(secret, timestamp, body));
        headers.forEach(request::header);
        Integer status = null;
        String error;
        try {
            HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            error = status / 100 == 2 ? null : "HTTP " + status + ": " + abbreviate(response.body());
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long millis = Instant.now().toEpochMilli() - started.toEpochMilli();
        deliveries.recordAttempt(delivery.id(), attempt, started, millis, status, error);
        if (error != null) {
            log.warn("{} to {} (delivery {}, attempt {}) failed: {}", what, delivery.endpoint(), delivery.id(), attempt, error);
            throw new DeliveryFailedException(delivery.id(), attempt, error);
        }
        log.info("{} delivered to {} (delivery {}, attempt {}, {} ms)", what, delivery.endpoint(), delivery.id(), attempt,
                millis);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
