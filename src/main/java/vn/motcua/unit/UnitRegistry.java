package vn.motcua.unit;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Writes units, in the caller's transaction. Checks of the values are the caller's; the table's keys
 * catch what slips through (an unknown parent, a duplicate code).
 */
@Service
public class UnitRegistry {

    private final JdbcClient jdbc;

    UnitRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Unit unit) {
        jdbc.sql("insert into unit (" + UnitDirectory.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(unit.code(), unit.name(), unit.level().name(), unit.parentCode(), unit.address(), unit.phone(),
                        unit.email(), unit.letterheadSuperior(), unit.letterheadPlace(), unit.payeeAccount(),
                        unit.officeHours(), timestamp(unit.closedAt()))
                .update();
    }

    /** Everything but the code, which dossier codes and engine groups carry and so never changes. */
    public void update(Unit unit) {
        jdbc.sql("""
                update unit set name = ?, level = ?, parent_code = ?, address = ?, phone = ?, email = ?,
                    letterhead_superior = ?, letterhead_place = ?, payee_account = ?, office_hours = ?, closed_at = ?
                where code = ?""")
                .params(unit.name(), unit.level().name(), unit.parentCode(), unit.address(), unit.phone(), unit.email(),
                        unit.letterheadSuperior(), unit.letterheadPlace(), unit.payeeAccount(), unit.officeHours(),
                        timestamp(unit.closedAt()), unit.code())
                .update();
    }

    /** Removes a unit nothing refers to; see {@link #isReferenced}. */
    public void delete(String code) {
        jdbc.sql("delete from unit where code = ?").param(code).update();
    }

    /** Dossiers (received or decided there), dossier numbers or units below it refer to the unit: it may be closed, never deleted. */
    public boolean isReferenced(String code) {
        return jdbc.sql("""
                select (select count(*) from dossier where unit_code = :code or deciding_unit_code = :code)
                     + (select count(*) from code_sequence where unit_code = :code)
                     + (select count(*) from unit where parent_code = :code)
                     + (select count(*) from stand_in where unit_code = :code)""")
                .param("code", code)
                .query(Long.class)
                .single() > 0;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
