package vn.motcua.agency;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import vn.motcua.audit.AuditAction;
import vn.motcua.audit.AuditTrail;
import vn.motcua.security.UnitAccess;

/** Every change the administration makes goes on the audit trail, in the change's transaction. */
@Component
class AgencyAudit {

    private final AuditTrail trail;
    private final UnitAccess access;

    AgencyAudit(AuditTrail trail, UnitAccess access) {
        this.trail = trail;
        this.access = access;
    }

    void record(AuditAction action, String unitCode, String target, String detail) {
        String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
        trail.record(access.actor(), action, null, unitCode, target, detail, address);
    }
}
