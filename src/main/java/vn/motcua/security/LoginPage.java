package vn.motcua.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.motcua.MotcuaProperties;

/** Our officers' login page, in the portal's look and language, with the agency's name on it. */
@Controller
class LoginPage {

    private final MotcuaProperties settings;

    LoginPage(MotcuaProperties settings) {
        this.settings = settings;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("agency", settings.agency());
        model.addAttribute("languagePath", "/login");
        return "security/login";
    }
}
