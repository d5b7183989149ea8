package vn.motcua.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.motcua.security.Citizens;

/**
 * "Hồ sơ của tôi": a citizen logged in through the citizens' OIDC provider sees their dossiers and
 * the papers the agency already holds from them, and logs out; before logging in, the way to log in.
 */
@Controller
class CitizenPages {

    private final Citizens citizens;
    private final CitizenPapers papers;

    CitizenPages(Citizens citizens, CitizenPapers papers) {
        this.citizens = citizens;
        this.papers = papers;
    }

    @GetMapping("/ho-so-cua-toi")
    String mine(Model model) {
        model.addAttribute("loginPath", citizens.loginPath().orElse(null));
        citizens.current().ifPresent(citizen -> {
            model.addAttribute("citizen", citizen);
            model.addAttribute("dossiers", papers.dossiersOf(citizen));
            model.addAttribute("papers", papers.papersOf(citizen));
        });
        return "portal/mine";
    }
}
