package vn.motcua.results;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The head of unit approved a draft that is no longer the one in force: the document changed after the head saw it. */
public class ResultDraftChangedException extends ErrorResponseException {

    ResultDraftChangedException(String code, String seen, String current) {
        super(HttpStatus.CONFLICT, problem(code, seen, current), null);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(String code, String seen, String current) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Văn bản kết quả của hồ sơ " + code + " đã được soạn lại sau khi lãnh đạo mở nhiệm vụ; mở lại nhiệm vụ,"
                        + " xem văn bản mới rồi phê duyệt / The result document of dossier " + code + " was drafted"
                        + " again after the head of unit opened the task; reopen the task, read the new draft and approve it");
        problem.setTitle("Result draft changed");
        problem.setProperty("reason", "result-draft-changed");
        problem.setProperty("approvedSha256", seen);
        problem.setProperty("currentSha256", current);
        return problem;
    }
}
