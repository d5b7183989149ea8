package vn.motcua.demo;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.motcua.security.UnitGroups;
import vn.motcua.unit.UnitDirectory;

/** Creates the demo officers and the groups of every unit (as an administrator's API would), once; safe on every start and node. */
@Component
@Profile("demo")
class DemoIdentities {

    private final IdentityService identity;
    private final UnitDirectory units;
    private final UnitGroups unitGroups;
    private final DemoProperties demo;

    DemoIdentities(IdentityService identity, UnitDirectory units, UnitGroups unitGroups, DemoProperties demo) {
        this.identity = identity;
        this.units = units;
        this.unitGroups = unitGroups;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        units.all().forEach(unitGroups::ensure);
        group("supervisor", "Giám sát");
        group("monitoring", "Giám sát vận hành (Prometheus)");
        group("report-reader", "Hệ thống tiếp nhận báo cáo");
        for (DemoProperties.User officer : demo.users()) {
            User existing = identity.createUserQuery().userId(officer.id()).singleResult();
            if (existing == null) {
                User user = identity.newUser(officer.id());
                user.setFirstName(officer.firstName());
                user.setLastName(officer.lastName());
                user.setEmail(officer.email());
                user.setPassword(demo.password());
                identity.saveUser(user);
                officer.groups().forEach(group -> identity.createMembership(officer.id(), group));
            } else if (existing.getEmail() == null && officer.email() != null) {
                // Demo databases created before officers had addresses get them on the next start.
                existing.setEmail(officer.email());
                identity.saveUser(existing);
            }
        }
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }
}
