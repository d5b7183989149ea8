package vn.motcua.agency;

import java.io.InputStreamReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import vn.motcua.security.UnitGroups.RoleHolder;
import vn.motcua.unit.Unit;

/** Administrators keep the units and their role holders here (only {@code camunda-admin}, SecurityConfiguration). */
@RestController
@RequestMapping("/api/admin/units")
@Tag(name = "Unit administration", description = "Units, their officers' roles; administrators only")
class UnitAdminController {

    private final UnitAdministration units;
    private final OfficerAdministration officers;

    UnitAdminController(UnitAdministration units, OfficerAdministration officers) {
        this.units = units;
        this.officers = officers;
    }

    @GetMapping
    @Operation(summary = "Every unit, closed ones too, with its parent in the province's tree")
    List<Unit> list() {
        return units.all();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One unit")
    Unit get(@PathVariable String code) {
        return units.get(code);
    }

    @PostMapping
    @Operation(summary = "Create a unit: its engine groups and grants come with it, it takes dossiers at once")
    ResponseEntity<Unit> create(@RequestBody UnitForm form) {
        Unit unit = units.create(form);
        return ResponseEntity.created(URI.create("/api/admin/units/" + unit.code())).body(unit);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Change a unit's data (not its code)")
    Unit update(@PathVariable String code, @RequestBody UnitForm form) {
        return units.update(code, form);
    }

    @PostMapping("/{code}/close")
    @Operation(summary = "Stop new dossiers; those in progress go on")
    Unit close(@PathVariable String code) {
        return units.close(code);
    }

    @PostMapping("/{code}/reopen")
    @Operation(summary = "Take new dossiers again")
    Unit reopen(@PathVariable String code) {
        return units.reopen(code);
    }

    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a unit nothing refers to (409 for one with dossiers: close it instead)")
    void delete(@PathVariable String code) {
        units.delete(code);
    }

    @PostMapping(value = "/import", consumes = "text/csv")
    @Operation(summary = "Import a province's units from UTF-8 CSV, all or nothing; errors by line")
    UnitAdministration.ImportReport importCsv(HttpServletRequest request) {
        try {
            return units.importCsv(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{code}/officers")
    @Operation(summary = "Who holds which role in the unit")
    List<RoleHolder> holders(@PathVariable String code) {
        return officers.holders(code);
    }

    @PutMapping("/{code}/officers/{role}/{userId}")
    @Operation(summary = "Give a user a role (reception, specialist, head, supervisor) in the unit")
    Map<String, Boolean> assign(@PathVariable String code, @PathVariable String role, @PathVariable String userId) {
        return Map.of("changed", officers.assign(code, role, userId));
    }

    @DeleteMapping("/{code}/officers/{role}/{userId}")
    @Operation(summary = "Take a role in the unit away from a user")
    Map<String, Boolean> remove(@PathVariable String code, @PathVariable String role, @PathVariable String userId) {
        return Map.of("changed", officers.remove(code, role, userId));
    }
}
