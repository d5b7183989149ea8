package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import vn.motcua.support.ClusterNodes;
import vn.motcua.support.TcpProxy;
import vn.motcua.support.TestDatabase;

/**
 * Issue 15, item 9: a node whose database goes away (through a relay the test cuts) answers its
 * health check within 5 s with 503, and every request fails fast with a 503 problem instead of
 * holding its thread for 30 s; when the database is back, so is the node, without a restart.
 */
class ClusteredDatabaseOutageIT {

    private static final Duration QUICK = Duration.ofSeconds(5);

    static ClusterNodes nodes = new ClusterNodes();
    static TcpProxy database;
    static ConfigurableApplicationContext node;
    static HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        URI url = URI.create(TestDatabase.url().substring("jdbc:".length()));
        database = new TcpProxy(url.getHost(), url.getPort());
        node = nodes.start("outage",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + database.port() + url.getPath(),
                "--camunda.bpm.job-execution.enabled=false");
    }

    @AfterAll
    static void stop() {
        database.restore();
        nodes.close();
        database.close();
    }

    @Test
    void shouldAnswerHealthAndRequestsWithin5SecondsDuringAnOutageAndRecover() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);

        database.cut();
        try {
            Timed health = timed(() -> get("/actuator/health", null));
            assertThat(health.response().statusCode()).isEqualTo(503);
            assertThat(health.took()).isLessThan(QUICK);

            Timed monitoring = timed(() -> get("/actuator/health", "prometheus"));
            assertThat(monitoring.response().statusCode()).as(monitoring.response().body()).isEqualTo(503);
            assertThat(monitoring.took()).isLessThan(QUICK);

            Timed submission = timed(() -> post("/api/dossiers", "{\"procedureKey\":\"household_business_registration\","
                    + "\"unitCode\":\"000.00.01.H01\",\"channel\":\"ONLINE\",\"resultChannel\":\"ONLINE\",\"data\":{}}"));
            assertThat(submission.response().statusCode()).as(submission.response().body()).isEqualTo(503);
            assertThat(submission.response().headers().firstValue("Retry-After")).isPresent();
            assertThat(submission.response().body()).contains("Service unavailable").doesNotContain("Exception");
            assertThat(submission.took()).isLessThan(QUICK);

            Timed officer = timed(() -> get("/api/dossiers/000.00.01.H01-240101-0001", "reception"));
            assertThat(officer.response().statusCode()).as(officer.response().body()).isEqualTo(503);
            assertThat(officer.took()).isLessThan(QUICK);
        } finally {
            database.restore();
        }

        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = 0;
        while (System.nanoTime() < until && (status = get("/actuator/health", null).statusCode()) != 200) {
            Thread.sleep(500);
        }
        assertThat(status).as("health after the outage").isEqualTo(200);
    }

    private record Timed(HttpResponse<String> response, Duration took) {
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static Timed timed(Call call) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = call.send();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
    }

    private static HttpResponse<String> get(String path, String user) throws Exception {
        return client.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return client.send(request(path, null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ClusterNodes.url(node, path)))
                .timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }
}
