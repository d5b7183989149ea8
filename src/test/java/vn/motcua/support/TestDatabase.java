package vn.motcua.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.SpringApplication;

/**
 * A PostgreSQL database of its own for one test run, created from the admin connection that CI
 * provides ({@code MOTCUA_TEST_DB_URL}, default the local server's {@code test} database) and
 * dropped when the JVM ends, so that runs never see each other's data.
 */
public final class TestDatabase {

    private static final String ADMIN_URL = env("MOTCUA_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("MOTCUA_TEST_DB_USER", "postgres");
    private static final String PASSWORD = env("MOTCUA_TEST_DB_PASSWORD", "");

    private static String url;
    private static String name;

    private TestDatabase() {
    }

    public static synchronized String url() {
        if (url == null) {
            name = "motcua_it_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                    + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
            execute("create database " + name);
            // After the application contexts have closed: dropped under a closing engine, the database
            // left the engine waiting 30 s for a connection until Surefire killed the JVM.
            // (Spring runs these handlers only in a JVM that started an application: others call drop().)
            SpringApplication.getShutdownHandlers().add(TestDatabase::drop);
            url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
        }
        return url;
    }

    /** Drops the run's database now, if there is one. */
    public static synchronized void drop() {
        if (name != null) {
            execute("drop database if exists " + name + " with (force)");
        }
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " refused '" + sql
                    + "': is the server up? (.ci/run starts it)", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
