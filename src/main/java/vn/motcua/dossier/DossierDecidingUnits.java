package vn.motcua.dossier;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.security.DecidingUnits;

/** The deciding unit of a travelling dossier, for the access rule of {@code /api/dossiers/{code}}. */
@Component
class DossierDecidingUnits implements DecidingUnits {

    private final JdbcClient jdbc;

    DossierDecidingUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> decidingUnitOf(String dossierCode) {
        return jdbc.sql("select deciding_unit_code from dossier where code = ? and deciding_unit_code <> unit_code")
                .param(dossierCode).query(String.class).optional();
    }
}
