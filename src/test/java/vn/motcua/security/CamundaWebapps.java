package vn.motcua.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser-like session with Camunda's webapps: their own login form, their session cookie and
 * their CSRF token ({@code XSRF-TOKEN} cookie sent back as {@code X-XSRF-TOKEN}).
 */
final class CamundaWebapps {

    private final String root;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    CamundaWebapps(String root) {
        this.root = root;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Opens the app's page (which hands out the CSRF token) and logs in; the login's answer. */
    HttpResponse<String> logIn(String app, String user, String password) {
        get("/camunda/app/" + app + "/default/");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(root + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken())
                // As a browser does: Camunda's CSRF filter compares the origin with its own.
                .header("Origin", root)
                .header("Referer", root + "/camunda/app/" + app + "/default/")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(root + path)).header("Accept", "application/json").GET());
    }

    /** A JSON post from the app's page, as Tasklist sends a form: session cookie and CSRF token. */
    HttpResponse<String> post(String app, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(root + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/plain, */*")
                .header("X-XSRF-TOKEN", csrfToken())
                .header("Origin", root)
                .header("Referer", root + "/camunda/app/" + app + "/default/")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private String csrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> "XSRF-TOKEN".equals(cookie.getName()))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie: " + cookies.getCookieStore().getCookies()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
