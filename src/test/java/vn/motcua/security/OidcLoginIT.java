package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import vn.motcua.support.Browser;
import vn.motcua.support.IntegrationTest;

/**
 * OIDC login against a real OIDC provider in the test's JVM (mock-oauth2-server: discovery, JWKS,
 * signed ID tokens, the authorization code flow), driven over HTTP as a browser does: redirects
 * followed, cookies kept. Officers get their groups from the token; citizens see only the dossiers
 * filed under their identity number. Its own context (the providers must exist before it starts),
 * in a JVM of its own (failsafe execution {@code oidc-tests}).
 */
class OidcLoginIT extends IntegrationTest {

    private static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    static {
        // Before the context: the client registrations read the providers' discovery documents at start.
        PROVIDER.start(InetAddress.getLoopbackAddress(), 0);
    }
    private static final String CITIZEN_NUMBER = "001085099001";
    private static final String OTHER_CITIZEN_NUMBER = "001085099002";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        for (String id : List.of("officers", "citizens")) {
            registry.add(prefix + "registration." + id + ".client-id", () -> "motcua-" + id);
            registry.add(prefix + "registration." + id + ".client-secret", () -> "secret-" + id);
            registry.add(prefix + "registration." + id + ".scope", () -> "openid");
            registry.add(prefix + "provider." + id + ".issuer-uri", () -> PROVIDER.issuerUrl(id).toString());
        }
        registry.add(prefix + "provider.officers.user-name-attribute", () -> "preferred_username");
        registry.add("motcua.security.oidc.officers", () -> "officers");
        registry.add("motcua.security.oidc.citizens", () -> "citizens");
        registry.add("motcua.security.oidc.groups-claim", () -> "groups");
        registry.add("motcua.security.oidc.identity-number-claim", () -> "identity_number");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.shutdown();
    }

    // Submitted once for every test of the class, by the first that needs them.
    private static String ownDossier;
    private static String otherUnitDossier;
    private static String otherCitizensDossier;

    private void dossiers() {
        if (ownDossier != null) {
            return;
        }
        ownDossier = submitOnline(UNIT, CITIZEN_NUMBER);
        otherUnitDossier = submitOnline(OTHER_UNIT, CITIZEN_NUMBER);
        otherCitizensDossier = submitOnline(UNIT, OTHER_CITIZEN_NUMBER);
    }

    private String submitOnline(String unit, String identityNumber) {
        Map<String, Object> data = householdBusiness("Trần Thị Bình");
        data.put("applicantIdNumber", identityNumber);
        JsonNode created = submit(unit, "ONLINE", "COUNTER", data).getBody();
        assertThat(created.has("code")).as(String.valueOf(created)).isTrue();
        return created.get("code").asText();
    }

    @Test
    void officerLoggedInThroughTheProviderReadsOwnUnitOnly() {
        dossiers();
        Session head = logIn("officers", "oidc-head-sub", Map.of("preferred_username", "oidc.head",
                "groups", List.of("head:" + UNIT)));

        assertThat(head.get("/api/dossiers/" + ownDossier).statusCode()).isEqualTo(200);
        assertThat(head.get("/api/dossiers/" + otherUnitDossier).statusCode()).isEqualTo(403);
        // The engine REST API runs as the same officer with the token's groups.
        assertThat(head.json("/engine-rest/task?processInstanceBusinessKey=" + ownDossier + "&maxResults=10")).isNotEmpty();
        assertThat(head.json("/engine-rest/task?processInstanceBusinessKey=" + otherUnitDossier + "&maxResults=10")).isEmpty();
        // An officer is no citizen.
        assertThat(head.get("/api/citizen/dossiers").statusCode()).isEqualTo(403);
    }

    @Test
    void camundaWebappsTakeTheOfficerOfTheProviderLogin() {
        dossiers();
        Session anonymous = new Session();
        HttpResponse<String> page = anonymous.get("/camunda/app/tasklist/default/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/officers");

        Session head = logIn("officers", "oidc-head-sub", Map.of("preferred_username", "oidc.head",
                "groups", List.of("head:" + UNIT)));
        assertThat(head.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        // The webapps know only engine users: the login made one, with the token's memberships.
        JsonNode groups = as("admin").getForObject("/engine-rest/group?member=oidc.head&maxResults=10", JsonNode.class);
        assertThat(groups.findValuesAsText("id")).containsExactly("head:" + UNIT);
        JsonNode user = head.json("/camunda/api/admin/auth/user/default");
        assertThat(user.get("userId").asText()).isEqualTo("oidc.head");
        assertThat(user.get("authorizedApps").toString()).contains("tasklist", "cockpit");
        String tasks = "/camunda/api/engine/engine/default/task?processInstanceBusinessKey=";
        assertThat(head.json(tasks + ownDossier + "&maxResults=10")).isNotEmpty();
        assertThat(head.json(tasks + otherUnitDossier + "&maxResults=10")).isEmpty();
    }

    @Test
    void citizenSeesOwnDossiersOnly() {
        dossiers();
        Session citizen = logIn("citizens", "vneid-" + CITIZEN_NUMBER, Map.of("identity_number", CITIZEN_NUMBER));

        JsonNode mine = citizen.json("/api/citizen/dossiers");
        List<String> codes = StreamSupport.stream(mine.spliterator(), false).map(d -> d.get("code").asText()).toList();
        assertThat(codes).contains(ownDossier, otherUnitDossier).doesNotContain(otherCitizensDossier);
        JsonNode view = citizen.json("/api/citizen/dossiers/" + ownDossier);
        assertThat(view.get("code").asText()).isEqualTo(ownDossier);
        assertThat(view.get("timeline")).isNotEmpty();

        assertThat(citizen.get("/api/citizen/dossiers/" + otherCitizensDossier).statusCode()).isEqualTo(404);
        // A citizen's login grants nothing of an officer's, even on their own dossier.
        assertThat(citizen.get("/api/dossiers/" + ownDossier).statusCode()).isEqualTo(403);
        assertThat(citizen.get("/engine-rest/task?maxResults=10").statusCode()).isEqualTo(403);
        assertThat(citizen.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(403);
        assertThat(citizen.get("/camunda/api/engine/engine/default/task?maxResults=10").statusCode()).isEqualTo(401);
    }

    @Test
    void citizenReusesAPaperOfAnEarlierDossierWithConsentAndTheOfficerSeesWhereFrom() throws IOException {
        dossiers();
        Session citizen = logIn("citizens", "vneid-" + CITIZEN_NUMBER, Map.of("identity_number", CITIZEN_NUMBER,
                "name", "Trần Thị Bình", "phone_number", "0912000111", "email", "binh@example.vn"));

        // Hồ sơ của tôi: their dossiers and papers, a logout; the form comes filled in from the claims.
        String mine = citizen.get("/ho-so-cua-toi").body();
        assertThat(mine).contains("Xin chào Trần Thị Bình", ownDossier, "id=\"citizen-logout\"")
                .doesNotContain(otherCitizensDossier);
        String form = citizen.get("/thu-tuc/" + PROCEDURE + "/nop-ho-so").body();
        assertThat(form).contains("data-prefill=\"{&quot;applicantName&quot;:&quot;Trần Thị Bình&quot;,"
                + "&quot;applicantIdNumber&quot;:&quot;" + CITIZEN_NUMBER + "&quot;", "data-reuse-for=\"identityPapers\"");
        // The newest copy of the identity card the citizen gave (both earlier dossiers carry the same file).
        java.util.regex.Matcher offered = java.util.regex.Pattern
                .compile("name=\"reuse-identityPapers\" value=\"(\\d+)\"").matcher(form);
        assertThat(offered.find()).isTrue();
        long paper = Long.parseLong(offered.group(1));
        assertThat(offered.find()).as("the same file is offered once").isFalse();

        Map<String, Object> data = householdBusiness("Trần Thị Bình");
        data.put("applicantIdNumber", CITIZEN_NUMBER);
        // Without consent, and for somebody else's dossier: refused, nothing stored.
        assertThat(citizen.submit(data, Map.of("identityPapers", paper), false).statusCode()).isEqualTo(400);
        Map<String, Object> someoneElse = new java.util.HashMap<>(data);
        someoneElse.put("applicantIdNumber", OTHER_CITIZEN_NUMBER);
        assertThat(citizen.submit(someoneElse, Map.of("identityPapers", paper), true).statusCode()).isEqualTo(400);
        // Nobody logged in cannot reuse anything.
        assertThat(new Session().submit(data, Map.of("identityPapers", paper), true).statusCode()).isEqualTo(401);

        HttpResponse<String> created = citizen.submit(data, Map.of("identityPapers", paper), true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String code = JSON.readTree(created.body()).get("code").asText();

        // The officer sees the paper, where it came from, and the same stored file.
        JsonNode reused = StreamSupport.stream(as("reception").getForObject("/api/dossiers/{code}/documents",
                        JsonNode.class, code).spliterator(), false)
                .filter(d -> d.get("slot").asText().equals("identityPapers")).findFirst().orElseThrow();
        String source = reused.get("reusedFrom").get("dossierCode").asText();
        assertThat(source).isIn(ownDossier, otherUnitDossier);
        assertThat(reused.get("reusedFrom").get("documentId").asLong()).isEqualTo(paper);
        byte[] original = as("admin").getForObject("/api/dossiers/{code}/documents/{id}", byte[].class, source, paper);
        byte[] again = as("admin").getForObject("/api/dossiers/{code}/documents/{id}", byte[].class, code,
                reused.get("id").asLong());
        assertThat(again).isNotEmpty().isEqualTo(original);

        // And logs out.
        assertThat(citizen.post("/logout", "application/x-www-form-urlencoded", new byte[0]).statusCode()).isIn(204, 302);
        assertThat(citizen.get("/api/citizen/dossiers").statusCode()).isEqualTo(401);
    }

    /**
     * The same journey in headless Chromium on a phone: log in, see "Hồ sơ của tôi", open the procedure
     * page, submit with the form filled in from the claims and the identity card of the earlier dossier
     * reused with one click. The browser is made here, not by the Browser extension, so that the other
     * tests of this class run without Chromium.
     */
    @Test
    void citizenSubmitsWithAReusedPaperInABrowser() throws IOException {
        dossiers();
        Browser.assumeInstalled();
        java.nio.file.Path profile = java.nio.file.Files.createTempDirectory("motcua-chromium-");
        org.openqa.selenium.WebDriver page = Browser.phoneChromium(profile);
        try {
            PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("citizens", "vneid-" + CITIZEN_NUMBER, "JWT",
                    List.of("motcua-citizens"), Map.of("identity_number", CITIZEN_NUMBER, "name", "Trần Thị Bình",
                            "phone_number", "0912000111", "email", "binh@example.vn"), 3600));
            String root = "http://localhost:" + port;
            page.get(root + "/ho-so-cua-toi");
            page.findElement(By.id("citizen-login")).click();
            waiting(page).until(d -> d.getCurrentUrl().startsWith(root));
            page.get(root + "/ho-so-cua-toi");
            assertThat(page.findElement(By.id("citizen-name")).getText()).isEqualTo("Xin chào Trần Thị Bình");
            assertThat(page.findElement(By.id("my-dossiers")).getText()).contains(ownDossier).doesNotContain(otherCitizensDossier);
            Browser.screenshot(page, "phone-my-dossiers");

            page.get(root + "/thu-tuc/" + PROCEDURE);
            page.findElement(By.id("guide-submit")).click();
            By name = By.cssSelector("input[id$='-Field_applicantName']");
            waiting(page).until(ExpectedConditions.elementToBeClickable(name));
            assertThat(page.findElement(name).getDomProperty("value")).isEqualTo("Trần Thị Bình");
            assertThat(page.findElement(By.cssSelector("input[id$='-Field_applicantIdNumber']")).getDomProperty("value"))
                    .isEqualTo(CITIZEN_NUMBER);
            Map<String, Object> values = householdBusiness("Trần Thị Bình");
            for (String key : List.of("applicantAddress", "businessName", "businessAddress", "businessLine", "capital")) {
                page.findElement(By.cssSelector("input[id$='-Field_" + key + "'], textarea[id$='-Field_" + key + "']"))
                        .sendKeys(String.valueOf(values.get(key)));
            }
            page.findElement(By.cssSelector("input[type='radio'][id$='-Field_ownershipType-0']")).click();
            new Select(page.findElement(By.id("unitCode"))).selectByValue(UNIT);
            java.nio.file.Path form = profile.resolve("giay-de-nghi.pdf");
            java.nio.file.Files.write(form, vn.motcua.support.TestFiles.pdf("Giay de nghi"));
            page.findElement(By.id("slot-applicationForm")).sendKeys(form.toString());
            WebElement reuse = page.findElement(By.cssSelector("input[name='reuse-identityPapers'][value]:not([value=''])"));
            ((org.openqa.selenium.JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'});", reuse);
            reuse.click();
            page.findElement(By.id("reuse-consent")).click();
            Browser.screenshot(page, "phone-submission-reuse");
            page.findElement(By.cssSelector("#submission button[type='submit']")).click();
            waiting(page).until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-code")));
            String code = page.findElement(By.id("dossier-code")).getText();

            JsonNode reused = StreamSupport.stream(as("reception").getForObject("/api/dossiers/{code}/documents",
                            JsonNode.class, code).spliterator(), false)
                    .filter(d -> d.get("slot").asText().equals("identityPapers")).findFirst().orElseThrow();
            assertThat(reused.get("reusedFrom").get("dossierCode").asText()).isIn(ownDossier, otherUnitDossier);
        } finally {
            page.quit();
            org.springframework.util.FileSystemUtils.deleteRecursively(profile);
        }
    }

    private static org.openqa.selenium.support.ui.WebDriverWait waiting(org.openqa.selenium.WebDriver page) {
        return new org.openqa.selenium.support.ui.WebDriverWait(page, Browser.TIMEOUT);
    }

    @Test
    void citizenWithoutIdentityNumberIsNotLoggedIn() {
        Session nobody = logIn("citizens", "vneid-unknown", Map.of("name", "Không có số định danh"));
        assertThat(nobody.get("/api/citizen/dossiers").statusCode()).isEqualTo(401);
    }

    @Test
    void nobodyLoggedInGetsProblems() {
        HttpResponse<String> answer = new Session().get("/api/citizen/dossiers");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
    }

    /** The authorization code flow as a browser runs it; the provider answers with these claims. */
    private Session logIn(String registration, String subject, Map<String, Object> claims) {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(registration, subject, "JWT",
                List.of("motcua-" + registration), claims, 3600));
        Session session = new Session();
        HttpResponse<String> start = session.get("/oauth2/authorization/" + registration);
        for (int hops = 0; start.statusCode() == 302 && hops < 10; hops++) {
            start = session.send(URI.create(start.uri().resolve(start.headers().firstValue("Location").orElseThrow()).toString()));
        }
        return session;
    }

    /** A browser's cookie jar; redirects are followed by hand, so each hop can be asserted on. */
    private final class Session {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        /** An online submission as the page sends it: the JSON part and one PDF for the application form. */
        HttpResponse<String> submit(Map<String, Object> data, Map<String, Long> reuse, boolean consent) throws IOException {
            get("/thu-tuc/" + PROCEDURE + "/nop-ho-so");
            Map<String, Object> submission = new java.util.LinkedHashMap<>(Map.of("procedureKey", PROCEDURE,
                    "unitCode", UNIT, "channel", "ONLINE", "resultChannel", "COUNTER", "data", data, "reuse", reuse));
            if (consent) {
                submission.put("reuseConsent", true);
            }
            String boundary = "motcua" + System.nanoTime();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"submission\"\r\n"
                    + "Content-Type: application/json\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.write(JSON.writeValueAsBytes(submission));
            body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"applicationForm\"; "
                    + "filename=\"don.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.write(vn.motcua.support.TestFiles.pdf("Giay de nghi"));
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return post("/api/dossiers", "multipart/form-data; boundary=" + boundary, body.toByteArray());
        }

        HttpResponse<String> post(String path, String contentType, byte[] body) {
            String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("MOTCUA-XSRF"))
                    .map(java.net.HttpCookie::getValue).findFirst().orElse("");
            try {
                return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Content-Type", contentType).header("Accept", "application/json")
                                .header("X-MOTCUA-XSRF", token).header("Idempotency-Key", "k" + System.nanoTime())
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> get(String path) {
            return send(URI.create("http://localhost:" + port + path));
        }

        JsonNode json(String path) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        HttpResponse<String> send(URI uri) {
            try {
                return client.send(HttpRequest.newBuilder(uri).header("Accept", "application/json, text/html").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
