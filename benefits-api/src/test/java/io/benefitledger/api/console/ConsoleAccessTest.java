package io.benefitledger.api.console;

import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import io.benefitledger.testsupport.Purchases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Benefits page and the API keep their own ways in: the page a session (its cookie HttpOnly and SameSite, every
 * form with a CSRF token), the API a bearer token; neither is let in by the other's.
 */
@LedgerIntegrationTest
class ConsoleAccessTest {

    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;

    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final String partner = "contoso-" + UUID.randomUUID().toString().substring(0, 8);

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    }

    static String csrf(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a CSRF token in the form").isTrue();
        return token.group(1);
    }

    /** Signs alice in through the page; answers her session cookie ({@code JSESSIONID=…}). */
    String signedInSession() throws Exception {
        LedgerClient.operator(http).registerPartner(partner, "");
        HttpResponse<String> signInPage = send(HttpRequest.newBuilder(uri("/console/sign-in")));
        String anonymous = cookie(signInPage).split(";")[0];
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/console/sign-in")).header("Cookie", anonymous)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("userId", "alice", "partnerId", partner, "roles", "GLOBAL_ADMIN",
                        "_csrf", csrf(signInPage.body())))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/console");
        String session = cookie(signedIn);
        assertThat(session.split(";")[0]).as("a new session id once signed in").isNotEqualTo(anonymous);
        return session;
    }

    @Test
    void the_session_cookie_is_out_of_scripts_reach_and_never_sent_with_another_sites_request() throws Exception {
        String session = signedInSession();
        assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        HttpResponse<String> tab = send(HttpRequest.newBuilder(uri("/console/partners/" + partner + "/software"))
                .header("Cookie", session.split(";")[0]));
        assertThat(tab.statusCode()).isEqualTo(200);
        assertThat(tab.body()).contains("Signed in as alice");
    }

    @Test
    void a_form_without_its_csrf_token_is_refused() throws Exception {
        String session = signedInSession().split(";")[0];
        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/console/partners/" + partner + "/software/p/x/keys"))
                .header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("language", "en-US", "operatingSystem", "x64"))));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void get_keys_sent_twice_from_one_page_reveals_one_key_and_sent_without_the_pages_token_none() throws Exception {
        String session = signedInSession().split(";")[0];
        LedgerClient alice = LedgerClient.user(http, "alice", partner, "GLOBAL_ADMIN");
        Purchases.purchase(alice, partner, "pkg", """
                "software": [{"productId": "office", "name": "Office", "keys": 5, "languages": ["en-US"],
                              "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]""");
        String page = send(HttpRequest.newBuilder(uri("/console/partners/" + partner + "/software")).header("Cookie", session)).body();
        Matcher once = Pattern.compile("name=\"once\" value=\"([^\"]+)\"").matcher(page);
        assertThat(once.find()).as("a one-time token in the form").isTrue();
        String getKeys = "/console/partners/" + partner + "/software/pkg/office/keys";

        List<HttpResponse<String>> answers = new java.util.ArrayList<>();
        for (String token : List.of(once.group(1), once.group(1), "")) {
            answers.add(send(HttpRequest.newBuilder(uri(getKeys)).header("Cookie", session)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form("language", "en-US", "operatingSystem", "x64",
                            "_csrf", csrf(page), "once", token)))));
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(302));
        assertThat(answers.get(0).headers().firstValue("Location").orElseThrow()).contains("/software?awaitPosition=");
        assertThat(answers.get(1).headers().firstValue("Location").orElseThrow()).endsWith("/console/partners/" + partner + "/software");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                alice.get("/partners/" + partner + "/software").at("/rows/0/keysRevealed").asInt()).isEqualTo(1));
        assertThat(alice.get("/partners/" + partner + "/audit/events?type=KeysRevealed").get("events")).hasSize(1);
    }

    @Test
    void the_api_does_not_take_a_page_session_and_the_page_does_not_take_a_bearer_token() throws Exception {
        String session = signedInSession().split(";")[0];
        HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/partners/" + partner + "/software")).header("Cookie", session));
        assertThat(api.statusCode()).isEqualTo(401);

        String token = LedgerClient.user(http, "alice", partner, "GLOBAL_ADMIN").token();
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/console/partners/" + partner + "/software"))
                .header("Authorization", "Bearer " + token));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/console/sign-in");
    }

    @Test
    void unknown_roles_and_missing_fields_are_refused_at_sign_in() throws Exception {
        HttpResponse<String> signInPage = send(HttpRequest.newBuilder(uri("/console/sign-in")));
        String anonymous = cookie(signInPage).split(";")[0];
        for (List<String> fields : List.of(List.of("userId", "alice", "roles", "KING"), List.of("userId", "", "roles", "AUDITOR"))) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/console/sign-in")).header("Cookie", anonymous)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields.get(0), fields.get(1), fields.get(2), fields.get(3),
                            "_csrf", csrf(signInPage.body())))));
            assertThat(refused.statusCode()).as(fields.toString()).isEqualTo(400);
            assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        }
    }
}
