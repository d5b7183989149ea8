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
import vn.motcua.security.AccessRefusedException;
import vn.motcua.security.Officer;
import vn.motcua.security.UnitAccess;
import vn.motcua.unit.Unit;
import vn.motcua.unit.UnitDirectory;

/**
 * The reception desk's intake of walk-in and postal dossiers, on the same forms as the portal.
 * Everything for officers sits under {@code /quay/}: the security capability protects that prefix.
 */
@Controller
@RequestMapping("/quay")
class CounterPages {

    private final ProcedureCatalogue catalogue;
    private final PortalPages pages;
    private final UnitAccess access;
    private final UnitDirectory units;

    CounterPages(ProcedureCatalogue catalogue, PortalPages pages, UnitAccess access, UnitDirectory units) {
        this.catalogue = catalogue;
        this.pages = pages;
        this.access = access;
        this.units = units;
    }

    /** Only the procedures the officer's desk takes in: of a unit the officer receives for, at the counter or by post. */
    @GetMapping({"", "/", "/tiep-nhan"})
    String procedures(@RequestParam(required = false) String q, Model model) {
        List<Unit> served = served();
        return pages.cataloguePage(q, true, procedure -> serves(served, procedure), model);
    }

    /** The intake form offers only the units the officer receives for; another procedure is refused (403). */
    @GetMapping("/tiep-nhan/{key}")
    String intake(@PathVariable String key, Model model) {
        Procedure procedure = catalogue.get(key);
        List<Unit> served = served();
        if (!serves(served, procedure)) {
            access.checkReceivesForAny(units.all().stream()
                    .filter(unit -> procedure.routing().receivesAt(unit.code(), unit.level())).map(Unit::code).toList());
        }
        return pages.submissionPage(procedure, deskChannels(procedure), "/quay/bien-nhan",
                unit -> served.contains(unit), true, model);
    }

    private List<Unit> served() {
        Officer officer = access.current().orElseThrow(AccessRefusedException::unauthenticated);
        return units.all().stream().filter(unit -> officer.receivesFor(unit.code())).toList();
    }

    private static boolean serves(List<Unit> served, Procedure procedure) {
        return !deskChannels(procedure).isEmpty() && served.stream().anyMatch(unit -> procedure.routing().receivesAt(unit.code(), unit.level()));
    }

    /**
     * Only the channels the procedure accepts: a copy certified from its original is never posted. ONLINE is a
     * citizen's online submission the officer helps with at the desk, recorded as online with the officer named.
     */
    private static List<Channel> deskChannels(Procedure procedure) {
        return Stream.of(Channel.COUNTER, Channel.POST, Channel.ONLINE)
                .filter(channel -> procedure.channels().contains(SubmissionChannel.valueOf(channel.name()))).toList();
    }

    @PostMapping("/bien-nhan")
    String receipt(@RequestParam String code, @RequestParam String secret, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return pages.receiptPage(code, secret, true, request, response, model);
    }
}
