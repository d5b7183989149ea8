package vn.motcua.dossier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import vn.motcua.documents.DocumentContent;
import vn.motcua.documents.DossierDocument;
import vn.motcua.documents.DossierDocuments;

/** A dossier's documents, for officers of its unit (path rules of the security capability). */
@RestController
@RequestMapping("/api/dossiers/{code}/documents")
@Tag(name = "Dossiers")
class DossierDocumentController {

    private final DossierManagement dossiers;
    private final DossierDocuments documents;

    DossierDocumentController(DossierManagement dossiers, DossierDocuments documents) {
        this.dossiers = dossiers;
        this.documents = documents;
    }

    @GetMapping
    @Operation(summary = "The documents of a dossier: slot, file name, detected type, size, SHA-256, when")
    List<DossierDocument> list(@PathVariable @Pattern(regexp = DossierController.CODE) String code) {
        return documents.list(dossiers.get(code).code());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One document's content with its detected type: an attachment, or with inline=true shown"
            + " in the browser (PDF and images; the Tasklist dossier panel's preview)")
    ResponseEntity<InputStreamResource> download(@PathVariable @Pattern(regexp = DossierController.CODE) String code,
            @PathVariable long id, @RequestParam(defaultValue = "false") boolean inline) throws IOException {
        DocumentContent content = documents.open(dossiers.get(code).code(), id)
                .orElseThrow(() -> new DocumentNotFoundException(code, id));
        DossierDocument document = content.document();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.type().mediaType()))
                .contentLength(document.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, inline && document.type().viewable()
                        ? inline(document.name()) : attachment(document.name()))
                // The browser must neither guess another type nor run anything the file carries.
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .body(new InputStreamResource(content.open()));
    }

    /** The applicant's name for the file, stripped of anything that could break out of the header or a path. */
    static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(safeName(fileName), StandardCharsets.UTF_8).build().toString();
    }

    /** Shown by the browser itself, still sandboxed and never sniffed as another type. */
    static String inline(String fileName) {
        return ContentDisposition.inline().filename(safeName(fileName), StandardCharsets.UTF_8).build().toString();
    }

    private static String safeName(String fileName) {
        String safe = fileName.replaceAll("[\\p{Cntrl}\"\\\\/:*?<>|;]", "_").strip();
        return safe.isEmpty() ? "document" : safe;
    }
}
