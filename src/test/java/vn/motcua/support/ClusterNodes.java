package vn.motcua.support;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.motcua.MotcuaApplication;

/**
 * Application nodes started in the test JVM against the run's one database, each with its job
 * executor on, as in production when several nodes share PostgreSQL. Tests that use it are named
 * {@code Clustered*IT} (a JVM of their own, see pom.xml).
 */
public final class ClusterNodes implements AutoCloseable {

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    /** Starts a node; {@code settings} (e.g. {@code --motcua.report-push.period=DAY}) add to the defaults or replace them. */
    public ConfigurableApplicationContext start(String name, String... settings) {
        String[] defaults = {
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.url(),
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--motcua.documents.root=" + IntegrationTest.DOCUMENTS,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestMail.port(),
                // One JVM, several engines: each needs a name of its own in Camunda's registry.
                "--camunda.bpm.process-engine-name=" + name,
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.max-jobs-per-acquisition=10",
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--camunda.bpm.metrics.enabled=false",
                "--camunda.bpm.metrics.db-reporter-activate=false"};
        // Arguments, so that they override application.yaml as a node's environment would.
        // A setting given twice would be joined by Spring ("a,b"): a given one replaces its default.
        java.util.Set<String> given = Stream.of(settings).map(ClusterNodes::key).collect(java.util.stream.Collectors.toSet());
        ConfigurableApplicationContext node = new SpringApplicationBuilder(MotcuaApplication.class)
                .profiles("demo")
                .run(Stream.concat(Stream.of(defaults).filter(setting -> !given.contains(key(setting))), Stream.of(settings))
                        .toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    private static String key(String setting) {
        int equals = setting.indexOf('=');
        return equals < 0 ? setting : setting.substring(0, equals);
    }

    /** The node's address for a path, e.g. {@code /api/dossiers}. */
    public static String url(ConfigurableApplicationContext node, String path) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + path;
    }

    @Override
    public void close() {
        nodes.forEach(ConfigurableApplicationContext::close);
        nodes.clear();
    }
}
