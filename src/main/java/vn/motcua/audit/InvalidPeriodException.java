package vn.motcua.audit;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class InvalidPeriodException extends ErrorResponseException {

    InvalidPeriodException(LocalDate from, LocalDate to) {
        super(HttpStatus.BAD_REQUEST, problem(from, to), null);
    }

    private static ProblemDetail problem(LocalDate from, LocalDate to) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Ngày kết thúc trước ngày bắt đầu / 'to' (" + to + ") is before 'from' (" + from + ")");
        problem.setTitle("Invalid period");
        return problem;
    }
}
