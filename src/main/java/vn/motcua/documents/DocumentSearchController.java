package vn.motcua.documents;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import vn.motcua.security.Officer;
import vn.motcua.security.UnitAccess;

/** Officers' search over the names and extracted text of the documents of the units they may read. */
@RestController
@RequestMapping("/api/documents")
@Tag(name = "Documents", description = "Search the documents of all dossiers")
class DocumentSearchController {

    private final DossierDocuments documents;
    private final UnitAccess access;

    DocumentSearchController(DossierDocuments documents, UnitAccess access) {
        this.documents = documents;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Documents whose file name or text contains the words (ignoring case), newest first")
    List<DocumentHit> search(@RequestParam @Size(min = 2, max = 200) String q,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Officer officer = access.current().orElseThrow(() -> new IllegalStateException("the path rules admit officers only"));
        return documents.search(q, limit, officer.readableUnits().orElse(null));
    }
}
