package vn.motcua.sla;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

@RestController
@RequestMapping("/api/dossiers/{code}/apology-letters")
@Tag(name = "Dossiers")
class ApologyLetterController {

    private static final String CODE = "[0-9A-Za-z.]{1,32}-[0-9]{6}-[0-9]{4,6}";

    private final ApologyLetters letters;

    ApologyLetterController(ApologyLetters letters) {
        this.letters = letters;
    }

    @GetMapping
    @Operation(summary = "The apology letters issued for a dossier (reason, new appointment, who and when)")
    List<ApologyLetter> list(@PathVariable @Pattern(regexp = CODE) String code) {
        return letters.list(code);
    }

    @GetMapping(value = "/{number}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "One apology letter as the PDF that was sent to the applicant")
    ResponseEntity<byte[]> pdf(@PathVariable @Pattern(regexp = CODE) String code, @PathVariable @Min(1) int number) {
        byte[] pdf = letters.pdf(code, number).orElseThrow(() -> new NoSuchLetter(code, number));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(ApologyLetters.fileName(code, number)).build().toString())
                .body(pdf);
    }

    static final class NoSuchLetter extends ErrorResponseException {

        NoSuchLetter(String code, int number) {
            super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "Hồ sơ " + code + " không có phiếu xin lỗi số " + number + " / Dossier " + code
                            + " has no apology letter number " + number), null);
        }
    }
}
