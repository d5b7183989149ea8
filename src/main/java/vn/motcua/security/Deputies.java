package vn.motcua.security;

/**
 * Who stands in for a role holder now (a deputy named for a period, issue 18): such a deputy may hold the
 * tasks of the role's group although not a member of it. Implemented by the capability that keeps the
 * stand-ins; without one, only members hold a group's tasks.
 */
public interface Deputies {

    /** Whether {@code userId} stands in, at this moment, for a holder of {@code group} ({@code <role>:<unit>}). */
    boolean standsInFor(String userId, String group);
}
