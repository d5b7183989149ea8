package vn.motcua.catalogue;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/procedures")
@Tag(name = "Procedures", description = "The procedure catalogue, read from the deployed models")
class ProcedureController {

    private final ProcedureCatalogue catalogue;

    ProcedureController(ProcedureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "List procedures, optionally filtered by words in their code, name or sector (case and diacritics ignored)")
    List<Procedure> list(@RequestParam(required = false) String q) {
        return catalogue.search(q);
    }

    @GetMapping("/{key}")
    @Operation(summary = "One procedure, latest version")
    Procedure get(@PathVariable String key) {
        return catalogue.get(key);
    }

    @GetMapping("/{key}/steps")
    @Operation(summary = "The steps a dossier of the procedure goes through, in the order its models run them")
    List<ProcedureStep> steps(@PathVariable String key) {
        return catalogue.steps(catalogue.get(key));
    }

    @GetMapping(path = "/{key}/submission-form", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The Camunda Form (form-js JSON) an applicant fills in for this procedure")
    String submissionForm(@PathVariable String key) {
        return catalogue.submissionForm(catalogue.get(key));
    }
}
