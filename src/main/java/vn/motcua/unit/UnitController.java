package vn.motcua.unit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/units")
@Tag(name = "Units", description = "Units that receive and settle dossiers")
class UnitController {

    private final UnitDirectory units;

    UnitController(UnitDirectory units) {
        this.units = units;
    }

    @GetMapping
    @Operation(summary = "List the units")
    List<Unit> list() {
        return units.all();
    }
}
