package vn.motcua.portal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;
import vn.motcua.security.Officer;
import vn.motcua.security.UnitAccess;

/** What every portal page's header needs. */
@ControllerAdvice(assignableTypes = {PortalPages.class, CounterPages.class, PublicFigures.class, CitizenPages.class})
class PageModel {

    private final UnitAccess access;

    PageModel(UnitAccess access) {
        this.access = access;
    }

    /** The logged-in officer, named in the header beside a logout; null for citizens. */
    @ModelAttribute("officerName")
    String officerName() {
        return access.current().map(Officer::id).orElse(null);
    }

    /**
     * Where the language switch leads: the same page for a GET; after a POST (which carried a code
     * and secret that must not go into a link) the page where it can be asked again.
     */
    @ModelAttribute("languagePath")
    String languagePath(HttpServletRequest request) {
        String path = request.getRequestURI();
        if ("GET".equals(request.getMethod())) {
            return path;
        }
        return path.startsWith("/quay") ? "/quay" : "/tra-cuu";
    }
}
