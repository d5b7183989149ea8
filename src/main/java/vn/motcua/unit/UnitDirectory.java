package vn.motcua.unit;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the units an agency has loaded. */
@Service
public class UnitDirectory {

    private final JdbcClient jdbc;

    UnitDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Unit> all() {
        return jdbc.sql("select code, name, level from unit order by level, code")
                .query(Unit.class)
                .list();
    }

    public Optional<Unit> find(String code) {
        return jdbc.sql("select code, name, level from unit where code = ?")
                .param(code)
                .query(Unit.class)
                .optional();
    }
}
