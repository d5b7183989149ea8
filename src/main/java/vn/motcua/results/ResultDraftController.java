package vn.motcua.results;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.security.Officer;
import vn.motcua.security.UnitAccess;

@RestController
@Validated
@RequestMapping("/api/dossiers/{code}/result-drafts")
@Tag(name = "Dossiers")
class ResultDraftController {

    private final ResultDrafts drafts;
    private final UnitAccess access;

    ResultDraftController(ResultDrafts drafts, UnitAccess access) {
        this.drafts = drafts;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Every draft of the dossier's result document, oldest first: hash, who drafted and approved it;"
            + " the PDF is the dossier document documentId")
    List<ResultDraft> list(@PathVariable @Pattern(regexp = UnitAccess.DOSSIER_CODE) String code) {
        return drafts.history(code);
    }

    /** The specialist drafts the result again while it awaits the head's approval, e.g. with a correcting note. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft the result document again (specialist of the unit, while the head's approval is open);"
            + " an approval of the earlier draft is then refused with 409")
    ResultDraft redraft(@PathVariable @Pattern(regexp = UnitAccess.DOSSIER_CODE) String code,
            @RequestBody @Valid Redraft request) {
        String unit = code.substring(0, code.indexOf('-'));
        Officer officer = access.checkWorksIn(unit);
        if (!officer.has(Officer.Role.SPECIALIST, unit)) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Chỉ chuyên viên của đơn vị soạn văn bản kết quả / Only a specialist of the unit drafts the result"),
                    null);
        }
        return drafts.redraft(code, officer.id(), request.note(), DossierManagement.now());
    }

    record Redraft(@Size(max = 2000) String note) {
    }
}
