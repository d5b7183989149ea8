package vn.motcua.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.motcua.MotcuaProperties;
import vn.motcua.printing.DocumentPrinter;
import vn.motcua.printing.VietnameseDates;
import vn.motcua.unit.Unit;
import vn.motcua.unit.UnitDirectory;

/** The model every printed document of a dossier starts from: the issuing unit and the date line. */
@Component
public class Letterhead {

    public static final Locale VIETNAMESE = DocumentPrinter.VIETNAMESE;

    private final UnitDirectory units;
    private final MotcuaProperties settings;

    Letterhead(UnitDirectory units, MotcuaProperties settings) {
        this.units = units;
        this.settings = settings;
    }

    /** issuer, placeAndDate, superior (for layout's heading, from the unit's letterhead fields), unitName, dossier and receivedAt. */
    public Map<String, Object> model(Dossier dossier, Instant issuedAt) {
        Unit unit = units.find(dossier.unitCode()).orElse(new Unit(dossier.unitCode(), dossier.unitCode(), null));
        Map<String, Object> model = DocumentPrinter.heading(unit.name(), unit.letterheadSuperior(), unit.letterheadPlace(),
                LocalDate.ofInstant(issuedAt, settings.zone()));
        model.put("dossier", dossier);
        model.put("receivedAt", VietnameseDates.timeAndDate(dossier.receivedAt(), settings.zone()));
        return model;
    }

    public String timeAndDate(Instant instant) {
        return VietnameseDates.timeAndDate(instant, settings.zone());
    }
}
