package vn.motcua.agency;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.security.Officer.Role;
import vn.motcua.unit.UnitLevel;

/**
 * The administrator's pages over the same services as {@code /api/admin}: the units (create, import),
 * one unit (edit, close, reopen) and its role holders (assign, remove). Plain forms, post-redirect-get;
 * a refusal shows the problem's detail on the page with its status.
 */
@Controller
@RequestMapping("/quan-tri/don-vi")
class UnitAdminPages {

    private static final String UNITS = "/quan-tri/don-vi";

    private final UnitAdministration units;
    private final OfficerAdministration officers;

    UnitAdminPages(UnitAdministration units, OfficerAdministration officers) {
        this.units = units;
        this.officers = officers;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("languagePath", UNITS);
        model.addAttribute("units", units.all());
        model.addAttribute("levels", UnitLevel.values());
        return "admin/units";
    }

    @PostMapping
    String create(@ModelAttribute UnitForm form, RedirectAttributes redirect, Model model, HttpServletResponse response) {
        try {
            redirect.addFlashAttribute("done", units.create(form).code());
            return "redirect:" + UNITS;
        } catch (ErrorResponseException refused) {
            return refused(refused, model, response, () -> list(model));
        }
    }

    @PostMapping("/nhap")
    String importCsv(@RequestParam MultipartFile file, RedirectAttributes redirect, Model model, HttpServletResponse response) {
        try (InputStreamReader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            redirect.addFlashAttribute("imported", units.importCsv(csv));
            return "redirect:" + UNITS;
        } catch (ErrorResponseException refused) {
            return refused(refused, model, response, () -> list(model));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{code}")
    String unit(@PathVariable String code, Model model) {
        model.addAttribute("languagePath", UNITS + "/" + code);
        model.addAttribute("unit", units.get(code));
        model.addAttribute("units", units.all());
        model.addAttribute("levels", UnitLevel.values());
        model.addAttribute("roles", Role.values());
        model.addAttribute("holders", officers.holders(code));
        return "admin/unit";
    }

    @PostMapping("/{code}")
    String update(@PathVariable String code, @ModelAttribute UnitForm form, RedirectAttributes redirect, Model model,
            HttpServletResponse response) {
        return act(code, () -> units.update(code, form), redirect, model, response);
    }

    @PostMapping("/{code}/ngung")
    String close(@PathVariable String code, RedirectAttributes redirect, Model model, HttpServletResponse response) {
        return act(code, () -> units.close(code), redirect, model, response);
    }

    @PostMapping("/{code}/mo-lai")
    String reopen(@PathVariable String code, RedirectAttributes redirect, Model model, HttpServletResponse response) {
        return act(code, () -> units.reopen(code), redirect, model, response);
    }

    @PostMapping("/{code}/can-bo")
    String assign(@PathVariable String code, @RequestParam String userId, @RequestParam String role,
            RedirectAttributes redirect, Model model, HttpServletResponse response) {
        return act(code, () -> officers.assign(code, role, userId.strip()), redirect, model, response);
    }

    @PostMapping("/{code}/can-bo/xoa")
    String remove(@PathVariable String code, @RequestParam String userId, @RequestParam String role,
            RedirectAttributes redirect, Model model, HttpServletResponse response) {
        return act(code, () -> officers.remove(code, role, userId), redirect, model, response);
    }

    private String act(String code, Runnable change, RedirectAttributes redirect, Model model, HttpServletResponse response) {
        try {
            change.run();
            redirect.addFlashAttribute("done", code);
            return "redirect:" + UNITS + "/" + code;
        } catch (ErrorResponseException refused) {
            return refused(refused, model, response, () -> unit(code, model));
        }
    }

    private static String refused(ErrorResponseException refused, Model model, HttpServletResponse response,
            java.util.function.Supplier<String> page) {
        response.setStatus(refused.getStatusCode().value());
        model.addAttribute("error", refused.getBody().getDetail());
        model.addAttribute("violations", refused.getBody().getProperties() == null ? null
                : refused.getBody().getProperties().get("violations"));
        return page.get();
    }
}
