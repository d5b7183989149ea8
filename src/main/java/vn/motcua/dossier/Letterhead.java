package vn.motcua.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.motcua.MotcuaProperties;
import vn.motcua.printing.VietnameseDates;
import vn.motcua.unit.Unit;
import vn.motcua.unit.UnitDirectory;

/** The model every printed document of a dossier starts from: the issuing unit and the date line. */
@Component
public class Letterhead {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final UnitDirectory units;
    private final MotcuaProperties settings;

    Letterhead(UnitDirectory units, MotcuaProperties settings) {
        this.units = units;
        this.settings = settings;
    }

    /** issuer, placeAndDate (for layout's heading), unitName, dossier and receivedAt. */
    public Map<String, Object> model(Dossier dossier, Instant issuedAt) {
        String unitName = units.find(dossier.unitCode()).map(Unit::name).orElse(dossier.unitCode());
        String date = VietnameseDates.longDate(LocalDate.ofInstant(issuedAt, settings.zone()));
        Map<String, Object> model = new HashMap<>();
        model.put("issuer", unitName.toUpperCase(VIETNAMESE));
        model.put("placeAndDate", Character.toUpperCase(date.charAt(0)) + date.substring(1));
        model.put("unitName", unitName);
        model.put("dossier", dossier);
        model.put("receivedAt", VietnameseDates.timeAndDate(dossier.receivedAt(), settings.zone()));
        return model;
    }

    public String timeAndDate(Instant instant) {
        return VietnameseDates.timeAndDate(instant, settings.zone());
    }
}
