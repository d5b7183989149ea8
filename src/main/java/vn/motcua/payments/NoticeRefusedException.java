package vn.motcua.payments;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A bank notice not read: unsigned, forged, out of its time window (401) or replayed (409). Nothing is stored. */
class NoticeRefusedException extends ErrorResponseException {

    private NoticeRefusedException(HttpStatus status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    // One answer for an unknown bank, a missing header and a wrong signature: a prober learns nothing.
    static NoticeRefusedException unauthenticated() {
        return new NoticeRefusedException(HttpStatus.UNAUTHORIZED,
                "Thông báo không có chữ ký hợp lệ / The notice has no valid signature (X-Motcua-Bank, X-Motcua-Timestamp,"
                        + " X-Motcua-Signature: HMAC-SHA256 of <timestamp>.<body>)");
    }

    static NoticeRefusedException stale(Duration window) {
        return new NoticeRefusedException(HttpStatus.UNAUTHORIZED,
                "Thông báo quá cũ hoặc sai giờ / The notice's timestamp is more than " + window.toSeconds()
                        + " s away from the server's clock");
    }

    static NoticeRefusedException replayed(String bank, String noticeId) {
        return new NoticeRefusedException(HttpStatus.CONFLICT,
                "Thông báo đã được nhận trước đó / Notice " + bank + "/" + noticeId + " was received before: replay refused");
    }
}
