package vn.motcua;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each direct sub-package is a capability: no cycles, no reaching into another's internals. */
class ModuleStructureTest {

    @Test
    void shouldKeepCapabilitiesApart() {
        ApplicationModules.of(MotcuaApplication.class).verify();
    }
}
