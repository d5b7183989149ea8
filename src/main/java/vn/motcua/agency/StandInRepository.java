package vn.motcua.agency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import vn.motcua.security.Officer.Role;

@Repository
class StandInRepository {

    private static final String SELECT = """
            select id, unit_code, role, holder_id, deputy_id, starts_at, ends_at, named_by, named_at, started_at, ended_at,
                   cancelled_at from stand_in""";

    private final JdbcClient jdbc;

    StandInRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String unitCode, Role role, String holderId, String deputyId, Instant startsAt, Instant endsAt,
            String namedBy, Instant namedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into stand_in (unit_code, role, holder_id, deputy_id, starts_at, ends_at, named_by, named_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(unitCode, role.name(), holderId, deputyId, Timestamp.from(startsAt), Timestamp.from(endsAt), namedBy,
                        Timestamp.from(namedAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<StandIn> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(StandInRepository::row).optional();
    }

    List<StandIn> ofUnit(String unitCode) {
        return jdbc.sql(SELECT + " where unit_code = ? order by starts_at desc, id desc limit 500").param(unitCode)
                .query(StandInRepository::row).list();
    }

    /** The stand-ins whose period runs now for the role in the unit. */
    List<StandIn> active(String unitCode, Role role) {
        return jdbc.sql(SELECT + " where unit_code = ? and role = ? and started_at is not null and ended_at is null"
                        + " and cancelled_at is null order by id")
                .params(unitCode, role.name()).query(StandInRepository::row).list();
    }

    void started(long id, Instant at) {
        jdbc.sql("update stand_in set started_at = ? where id = ?").params(Timestamp.from(at), id).update();
    }

    void ended(long id, Instant at) {
        jdbc.sql("update stand_in set ended_at = ? where id = ?").params(Timestamp.from(at), id).update();
    }

    void cancelled(long id, Instant at) {
        jdbc.sql("update stand_in set cancelled_at = ? where id = ?").params(Timestamp.from(at), id).update();
    }

    void handedOver(long id, String taskId) {
        jdbc.sql("insert into stand_in_task (stand_in_id, task_id) values (?, ?)").params(id, taskId).update();
    }

    List<String> tasksHandedOver(long id) {
        return jdbc.sql("select task_id from stand_in_task where stand_in_id = ? order by task_id").param(id)
                .query(String.class).list();
    }

    private static StandIn row(ResultSet rs, int row) throws SQLException {
        return new StandIn(rs.getLong("id"), rs.getString("unit_code"), Role.valueOf(rs.getString("role")),
                rs.getString("holder_id"), rs.getString("deputy_id"), instant(rs, "starts_at"), instant(rs, "ends_at"),
                rs.getString("named_by"), instant(rs, "named_at"), instant(rs, "started_at"), instant(rs, "ended_at"),
                instant(rs, "cancelled_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
