package vn.motcua.demo;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.motcua.unit.Unit;
import vn.motcua.unit.UnitDirectory;

/** Creates the demo officers and the groups of every unit, once; safe on every start and node. */
@Component
@Profile("demo")
class DemoIdentities {

    private final IdentityService identity;
    private final UnitDirectory units;
    private final DemoProperties demo;

    DemoIdentities(IdentityService identity, UnitDirectory units, DemoProperties demo) {
        this.identity = identity;
        this.units = units;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        for (Unit unit : units.all()) {
            group(unit.receptionGroup(), "Bộ phận một cửa - " + unit.name());
            group(unit.specialistGroup(), "Chuyên viên - " + unit.name());
            group(unit.headGroup(), "Lãnh đạo - " + unit.name());
            group("supervisor:" + unit.code(), "Giám sát - " + unit.name());
        }
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
