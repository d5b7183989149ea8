package vn.motcua.unit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the units an agency keeps, from the table on every call: a unit an administrator adds on one
 * node serves dossiers on every node at once (a primary-key read costs less than keeping caches true).
 */
@Service
public class UnitDirectory {

    static final String COLUMNS = """
            code, name, level, parent_code, address, phone, email, letterhead_superior, letterhead_place,
            payee_account, office_hours, closed_at""";
    static final RowMapper<Unit> ROW = UnitDirectory::row;

    private final JdbcClient jdbc;

    UnitDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every unit, closed ones too (reports count their old dossiers). */
    public List<Unit> all() {
        return jdbc.sql("select " + COLUMNS + " from unit order by level, code").query(ROW).list();
    }

    /** The units that take new dossiers. */
    public List<Unit> open() {
        return all().stream().filter(Unit::open).toList();
    }

    public Optional<Unit> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from unit where code = ?").param(code).query(ROW).optional();
    }

    private static Unit row(ResultSet rs, int row) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Unit(rs.getString("code"), rs.getString("name"), UnitLevel.valueOf(rs.getString("level")),
                rs.getString("parent_code"), rs.getString("address"), rs.getString("phone"), rs.getString("email"),
                rs.getString("letterhead_superior"), rs.getString("letterhead_place"), rs.getString("payee_account"),
                rs.getString("office_hours"), closed == null ? null : closed.toInstant());
    }
}
