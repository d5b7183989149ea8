package vn.motcua.agency;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Officers' users, for agencies whose officers log in with a password (OIDC officers are made at their first login). */
@RestController
@RequestMapping("/api/admin/officers")
@Tag(name = "Unit administration")
class OfficerAdminController {

    private final OfficerAdministration officers;

    OfficerAdminController(OfficerAdministration officers) {
        this.officers = officers;
    }

    @PostMapping
    @Operation(summary = "Create an officer's user; roles are given under /api/admin/units/{code}/officers")
    ResponseEntity<Void> create(@RequestBody OfficerAdministration.OfficerForm form) {
        officers.create(form);
        return ResponseEntity.created(URI.create("/api/admin/officers/" + form.id())).build();
    }
}
