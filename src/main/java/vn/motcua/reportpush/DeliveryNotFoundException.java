package vn.motcua.reportpush;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

public class DeliveryNotFoundException extends ErrorResponseException {

    public DeliveryNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Không có lần gửi báo cáo " + id + " / no report delivery " + id), null);
    }
}
