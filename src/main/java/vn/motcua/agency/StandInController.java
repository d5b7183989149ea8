package vn.motcua.agency;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Role holders name their deputies here; the unit's officers see who stands in for whom. */
@RestController
@RequestMapping("/api/stand-ins")
@Tag(name = "Stand-ins", description = "A deputy takes a role holder's tasks for a period")
class StandInController {

    private final StandIns standIns;

    StandInController(StandIns standIns) {
        this.standIns = standIns;
    }

    @PostMapping
    @Operation(summary = "Name a deputy for a period (the holder, or an administrator for any holder)")
    ResponseEntity<StandIn> name(@RequestBody StandIns.StandInForm form) {
        StandIn standIn = standIns.name(form);
        return ResponseEntity.created(URI.create("/api/stand-ins/" + standIn.id())).body(standIn);
    }

    @GetMapping
    @Operation(summary = "The stand-ins of a unit, newest first")
    List<StandIn> ofUnit(@RequestParam String unit) {
        return standIns.ofUnit(unit);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "End a stand-in now: the deputy's open tasks of it go back to the holder")
    StandIn cancel(@PathVariable long id) {
        return standIns.cancel(id);
    }
}
