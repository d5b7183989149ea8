package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class OfficerTest {

    private static final String UNIT = "000.00.01.H01";
    private static final String OTHER = "000.00.02.H01";

    @Test
    void shouldScopeEveryRoleToItsUnit() {
        Officer reception = new Officer("reception", Set.of("reception:" + UNIT));
        assertThat(reception.worksIn(UNIT)).isTrue();
        assertThat(reception.receivesFor(UNIT)).isTrue();
        assertThat(reception.heads(UNIT)).isFalse();
        assertThat(reception.canRead(OTHER)).isFalse();
        assertThat(reception.receivesFor(OTHER)).isFalse();
    }

    @Test
    void shouldLetTheHeadHeadOnlyTheirUnit() {
        Officer head = new Officer("head", Set.of("head:" + UNIT));
        assertThat(head.heads(UNIT)).isTrue();
        assertThat(head.heads(OTHER)).isFalse();
        assertThat(head.receivesFor(UNIT)).isFalse();
    }

    @Test
    void shouldLetSupervisorsReadWithoutWorking() {
        Officer everywhere = new Officer("supervisor", Set.of("supervisor"));
        assertThat(everywhere.canRead(UNIT)).isTrue();
        assertThat(everywhere.canRead(OTHER)).isTrue();
        assertThat(everywhere.worksIn(UNIT)).isFalse();
        Officer one = new Officer("s1", Set.of("supervisor:" + UNIT));
        assertThat(one.canRead(UNIT)).isTrue();
        assertThat(one.canRead(OTHER)).isFalse();
    }

    @Test
    void shouldNotBeFooledByAGroupNamedLikeAUnitPrefix() {
        Officer tricky = new Officer("x", Set.of("reception:000.00.01", "head:" + UNIT + "x"));
        assertThat(tricky.canRead(UNIT)).isFalse();
        assertThat(tricky.heads(UNIT)).isFalse();
    }

    @Test
    void shouldLetAdministratorsDoEverything() {
        Officer admin = new Officer("admin", Set.of(Officer.ADMIN_GROUP));
        assertThat(admin.canRead(OTHER)).isTrue();
        assertThat(admin.heads(OTHER)).isTrue();
        assertThat(admin.receivesFor(OTHER)).isTrue();
    }
}
