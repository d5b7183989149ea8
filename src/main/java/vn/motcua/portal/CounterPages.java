package vn.motcua.portal;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.catalogue.SubmissionChannel;
import vn.motcua.dossier.Channel;

/**
 * The reception desk's intake of walk-in and postal dossiers, on the same forms as the portal.
 * Everything for officers sits under {@code /quay/}: the security capability protects that prefix.
 */
@Controller
@RequestMapping("/quay")
class CounterPages {

    private final ProcedureCatalogue catalogue;
    private final PortalPages pages;

    CounterPages(ProcedureCatalogue catalogue, PortalPages pages) {
        this.catalogue = catalogue;
        this.pages = pages;
    }

    @GetMapping({"", "/", "/tiep-nhan"})
    String procedures(@RequestParam(required = false) String q, Model model) {
        return pages.cataloguePage(q, true, model);
    }

    @GetMapping("/tiep-nhan/{key}")
    String intake(@PathVariable String key, Model model) {
        Procedure procedure = catalogue.get(key);
        // Only the channels the procedure accepts: a copy certified from its original is never posted.
        List<Channel> channels = Stream.of(Channel.COUNTER, Channel.POST)
                .filter(channel -> procedure.channels().contains(SubmissionChannel.valueOf(channel.name()))).toList();
        return pages.submissionPage(procedure, channels, "/quay/bien-nhan", model);
    }

    @PostMapping("/bien-nhan")
    String receipt(@RequestParam String code, @RequestParam String secret, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return pages.receiptPage(code, secret, true, request, response, model);
    }
}
