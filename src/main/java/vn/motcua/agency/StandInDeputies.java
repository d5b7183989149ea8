package vn.motcua.agency;

import org.springframework.stereotype.Component;

import vn.motcua.security.Deputies;
import vn.motcua.security.Officer.Role;

/** The deputies of the stand-in periods running now, for the rule of who may hold a unit's task. */
@Component
class StandInDeputies implements Deputies {

    private final StandInRepository standIns;

    StandInDeputies(StandInRepository standIns) {
        this.standIns = standIns;
    }

    @Override
    public boolean standsInFor(String userId, String group) {
        for (Role role : Role.values()) {
            String prefix = role.group("");
            if (group.startsWith(prefix)) {
                String unitCode = group.substring(prefix.length());
                return standIns.active(unitCode, role).stream().anyMatch(standIn -> standIn.deputyId().equals(userId));
            }
        }
        return false;
    }
}
