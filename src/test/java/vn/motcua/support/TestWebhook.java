package vn.motcua.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A central system's receiver of report pushes, in the test JVM (the JDK's HTTP server on a free
 * port): it keeps every request and answers with the status codes a test queues, 200 otherwise.
 * Started once, when the shared Spring context asks for its address.
 */
public final class TestWebhook {

    /** The secret the test configuration shares with the application (motcua.report-push.endpoints.*.secret). */
    public static final String SECRET = "test-secret-0123456789-abcdefghijklmnop";

    private static HttpServer server;
    private static final List<Received> received = new CopyOnWriteArrayList<>();
    private static final Deque<Integer> answers = new ArrayDeque<>();
    private static Integer always;

    private TestWebhook() {
    }

    /** The receiver's URL for a path, e.g. {@code /bao-cao}. */
    public static synchronized String url(String path) {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
                int status = nextAnswer();
                received.add(new Received(exchange.getRequestURI().getPath(), headers, body, status));
                byte[] answer = (status == 200 ? "{\"accepted\":true}" : "{\"error\":\"unavailable\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next {@code count} requests are answered {@code status}. */
    public static synchronized void failNext(int count, int status) {
        for (int i = 0; i < count; i++) {
            answers.add(status);
        }
    }

    /** Every request is answered {@code status} until {@link #recover()}. */
    public static synchronized void failAlways(int status) {
        always = status;
    }

    public static synchronized void recover() {
        always = null;
        answers.clear();
    }

    /** The requests received on a path, oldest first. */
    public static List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private static synchronized int nextAnswer() {
        if (always != null) {
            return always;
        }
        Integer next = answers.poll();
        return next == null ? 200 : next;
    }

    public record Received(String path, Map<String, String> headers, byte[] body, int answeredWith) {

        public String header(String name) {
            return headers.get(name);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
