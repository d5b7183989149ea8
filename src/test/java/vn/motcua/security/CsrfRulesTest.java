package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which requests need a CSRF token: those a forged cross-site request could make with a session. */
class CsrfRulesTest {

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRequestURI(path);
        return request;
    }

    @Test
    void shouldNeverAskReadsForAToken() {
        assertThat(SecurityConfiguration.needsCsrfToken(request("GET", "/quay/tiep-nhan"))).isFalse();
    }

    @Test
    void shouldAskEveryChangeMadeWithASessionForAToken() {
        for (String path : new String[] {"/api/dossiers", "/quay/bien-nhan", "/tra-cuu", "/logout"}) {
            MockHttpServletRequest request = request("POST", path);
            request.setRequestedSessionId("abc");
            request.setRequestedSessionIdValid(true);
            assertThat(SecurityConfiguration.needsCsrfToken(request)).as(path).isTrue();
        }
    }

    @Test
    void shouldAskTheLoginFormForAToken() {
        assertThat(SecurityConfiguration.needsCsrfToken(request("POST", "/login"))).isTrue();
    }

    @Test
    void shouldNotAskCallersWithCredentialsOfTheirOwnOrNoneForAToken() {
        MockHttpServletRequest basic = request("POST", "/engine-rest/deployment/create");
        basic.addHeader("Authorization", "Basic YWRtaW46ZGVtbw==");
        assertThat(SecurityConfiguration.needsCsrfToken(basic)).isFalse();
        assertThat(SecurityConfiguration.needsCsrfToken(request("POST", "/api/dossiers"))).isFalse();
        assertThat(SecurityConfiguration.needsCsrfToken(request("POST", "/tra-cuu"))).isFalse();
    }

    @Test
    void shouldLetBanksNoticesProveThemselvesBySignatureAlone() {
        // A forged cross-site post cannot sign its body with the bank's secret: the session is no credential there.
        MockHttpServletRequest notice = request("POST", "/api/payments/notices");
        notice.setRequestedSessionId("abc");
        notice.setRequestedSessionIdValid(true);
        assertThat(SecurityConfiguration.needsCsrfToken(notice)).isFalse();
        MockHttpServletRequest cash = request("POST", "/api/payments/000.00.01.H01-261123-0001/cash");
        cash.setRequestedSessionId("abc");
        cash.setRequestedSessionIdValid(true);
        assertThat(SecurityConfiguration.needsCsrfToken(cash)).isTrue();
    }
}
