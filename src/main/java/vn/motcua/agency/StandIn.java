package vn.motcua.agency;

import java.time.Instant;

import vn.motcua.security.Officer.Role;

/**
 * A deputy who takes a role holder's tasks of that role in the unit for a period.
 *
 * @param startedAt when the period began (the deputy has the tasks), null before
 * @param endedAt   when it ended (the tasks went back), null before
 */
record StandIn(long id, String unitCode, Role role, String holderId, String deputyId, Instant startsAt, Instant endsAt,
        String namedBy, Instant namedAt, Instant startedAt, Instant endedAt, Instant cancelledAt) {

    boolean active() {
        return startedAt != null && endedAt == null && cancelledAt == null;
    }
}
