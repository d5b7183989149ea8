package vn.motcua.security;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import vn.motcua.MotcuaApplication;
import vn.motcua.support.TestDatabase;
import vn.motcua.support.TestFiles;

/**
 * Not a test: one node (this JVM, demo profile, a PostgreSQL database of its own) under
 * {@code bench.attackers} parallel hostile clients (zip-bomb Word files, chunked oversized bodies,
 * cut-off PDFs) for {@code bench.seconds}, while one legitimate client reads the catalogue and
 * tracks a dossier. Prints the legitimate requests' p95, the 5xx count, the heap peak and the
 * longest wait for a pooled connection (Hikari's acquire timer) with the most threads seen waiting. Run with {@code ./mvnw -B -Pbench verify} (docs/performance.md).
 */
public final class HostileLoadBenchmark {

    static final int ATTACKERS = Integer.getInteger("bench.attackers", 8);
    static final int SECONDS = Integer.getInteger("bench.seconds", 60);

    private HostileLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(MotcuaApplication.class).profiles("demo").run(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.url(),
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--motcua.documents.root=target/bench-documents",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.metrics.enabled=false");
        try {
            measure(node);
        } finally {
            node.close();
            TestDatabase.drop();
        }
    }

    private static void measure(ConfigurableApplicationContext node) throws Exception {
        String base = "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
        HikariPoolMXBean pool = node.getBean(HikariDataSource.class).getHikariPoolMXBean();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] bomb = TestFiles.docxBomb(300L * 1024 * 1024);
        byte[] cut = java.util.Arrays.copyOf(TestFiles.pdf("Giay de nghi"), 600);
        byte[] bigJson = ("{\"procedureKey\":\"household_business_registration\",\"data\":{\"notes\":["
                + String.join(",", Collections.nCopies(30_000, "\"" + "x".repeat(997) + "\"")) + "]}}")
                .getBytes(StandardCharsets.UTF_8);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger hostile = new AtomicInteger();
        ExecutorService attackers = Executors.newFixedThreadPool(ATTACKERS);
        for (int i = 0; i < ATTACKERS; i++) {
            int kind = i % 3;
            attackers.submit(() -> {
                while (running.get()) {
                    try {
                        HttpRequest request = switch (kind) {
                            case 0 -> upload(base, "don.docx", bomb);
                            case 1 -> HttpRequest.newBuilder(URI.create(base + "/api/dossiers"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bigJson)))
                                    .build();
                            default -> upload(base, "don.pdf", cut);
                        };
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        hostile.incrementAndGet();
                        if (status >= 500) {
                            serverErrors.incrementAndGet();
                        }
                    } catch (java.io.IOException closedWhileSending) {
                        hostile.incrementAndGet();
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            });
        }

        List<Double> legit = new ArrayList<>();
        long maxPending = 0;
        long until = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
        while (System.nanoTime() < until) {
            long t0 = System.nanoTime();
            int status = client.send(HttpRequest.newBuilder(URI.create(base + "/api/procedures")).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            int tracked = client.send(HttpRequest.newBuilder(URI.create(base + "/api/tracking"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"000.00.01.H01-240101-0001\",\"secret\":\""
                            + UUID.randomUUID() + "\"}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            legit.add((System.nanoTime() - t0) / 1e6 / 2);
            if (status >= 500 || tracked >= 500) {
                serverErrors.incrementAndGet();
            }
            maxPending = Math.max(maxPending, pool.getThreadsAwaitingConnection());
            Thread.sleep(100);
        }
        running.set(false);
        attackers.shutdownNow();
        attackers.awaitTermination(60, TimeUnit.SECONDS);

        Collections.sort(legit);
        long heapPeak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(memory -> memory.getType() == MemoryType.HEAP)
                .mapToLong(memory -> memory.getPeakUsage().getUsed()).sum();
        System.out.printf("hostile load: %d attackers for %d s, %d hostile requests answered%n", ATTACKERS, SECONDS,
                hostile.get());
        System.out.printf("legitimate requests: %d, p50 %.0f ms, p95 %.0f ms, max %.0f ms%n", legit.size(),
                legit.get(legit.size() / 2), legit.get((int) Math.ceil(legit.size() * 0.95) - 1),
                legit.get(legit.size() - 1));
        System.out.printf("5xx answers: %d%n", serverErrors.get());
        System.out.printf("heap peak (sum of pool peaks): %d MB of %d MB max%n", heapPeak / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        // Hikari's own timer of every connection handed out (Spring Boot binds the pool to Micrometer).
        Timer acquire = node.getBean(MeterRegistry.class).find("hikaricp.connections.acquire").timer();
        if (acquire == null) {
            throw new IllegalStateException("the pool reports no acquire timer: is the Micrometer binding of Hikari off?");
        }
        System.out.printf("connection pool: longest wait for a connection %.0f ms, mean %.1f ms over %d acquisitions;"
                + " at most %d threads waiting at once (pool of %d)%n", acquire.max(TimeUnit.MILLISECONDS),
                acquire.mean(TimeUnit.MILLISECONDS), acquire.count(), maxPending, pool.getTotalConnections());
    }

    private static HttpRequest upload(String base, String name, byte[] content) {
        String boundary = "bench" + UUID.randomUUID();
        String json = "{\"procedureKey\":\"household_business_registration\",\"unitCode\":\"000.00.01.H01\","
                + "\"channel\":\"ONLINE\",\"resultChannel\":\"ONLINE\",\"data\":{}}";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"submission\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"applicationForm\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(base + "/api/dossiers"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Idempotency-Key", "bench-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))
                .build();
    }
}
