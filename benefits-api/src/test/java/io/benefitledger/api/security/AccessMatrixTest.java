package io.benefitledger.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every endpoint, called by every kind of caller, for its own partner and for another: the status is the one the
 * roles and tenant rules give, and a refused call writes nothing.
 */
@LedgerIntegrationTest
class AccessMatrixTest {

    static final Set<String> PARTNER = Set.of("GLOBAL_ADMIN", "USER_ADMIN", "ADMIN_AGENT", "MPN_PARTNER_ADMIN");
    static final Set<String> READERS = Set.of("GLOBAL_ADMIN", "USER_ADMIN", "ADMIN_AGENT", "MPN_PARTNER_ADMIN", "AUDITOR", "REPORTING");

    record Endpoint(HttpMethod method, String path, String body, Set<String> roles) {
    }

    record Caller(String name, LedgerClient client, String role, boolean ownPartner, boolean grantedReader) {
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    final AtomicInteger unique = new AtomicInteger();

    @Test
    void every_endpoint_answers_every_caller_as_its_roles_and_partner_allow_and_a_refusal_writes_nothing() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String a = "contoso-" + suffix;
        String b = "fabrikam-" + suffix;
        LedgerClient operator = LedgerClient.operator(http);
        LedgerClient alice = operator.registerPartner(a, "\"Silver Core\"");
        operator.registerPartner(b, "");
        alice.addUser("uma", "USER_ADMIN");
        alice.addUser("dave", "ADMIN_AGENT");
        alice.addUser("mia", "MPN_PARTNER_ADMIN");
        alice.post("/partners/" + a + "/packages", """
                {"packageId": "p", "packageType": "Silver Core",
                 "software": [{"productId": "office", "name": "Office", "keys": 100, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}],
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio", "seats": 1}],
                 "technical": [{"allocationId": "advisory", "name": "Advisory hours", "quantity": 5, "unit": "HOUR"}]}""");

        String p = "/partners/" + a;
        List<Endpoint> endpoints = List.of(
                new Endpoint(HttpMethod.GET, p + "/software", null, READERS),
                new Endpoint(HttpMethod.GET, p + "/cloud", null, READERS),
                new Endpoint(HttpMethod.GET, p + "/visual-studio", null, READERS),
                new Endpoint(HttpMethod.GET, p + "/technical", null, READERS),
                new Endpoint(HttpMethod.GET, p + "/go-to-market", null, READERS),
                new Endpoint(HttpMethod.GET, p + "/refund-eligibility", null, READERS),
                new Endpoint(HttpMethod.GET, p + "/packages/p/refund-eligibility", null, READERS),
                new Endpoint(HttpMethod.POST, p + "/packages", "PURCHASE", PARTNER),
                new Endpoint(HttpMethod.POST, p + "/packages/p/software/office/keys",
                        "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}", PARTNER),
                new Endpoint(HttpMethod.POST, p + "/users", "USER", Set.of("GLOBAL_ADMIN", "USER_ADMIN")),
                new Endpoint(HttpMethod.PUT, p + "/users/dave/roles", "{\"roles\": [\"ADMIN_AGENT\"]}", Set.of("GLOBAL_ADMIN", "USER_ADMIN")),
                new Endpoint(HttpMethod.PUT, p + "/company-account-email", "{\"email\": \"it@" + a + ".example\"}", Set.of("GLOBAL_ADMIN")),
                new Endpoint(HttpMethod.PUT, p + "/qualifications", "{\"qualifications\": [\"Silver Core\"], \"reason\": \"r\"}", Set.of("PROGRAM_OPERATOR")),
                new Endpoint(HttpMethod.POST, p + "/subscriptions/p:vs:1/assignment", "{\"userId\": \"dave\"}", Set.of("GLOBAL_ADMIN")),
                new Endpoint(HttpMethod.DELETE, p + "/subscriptions/p:vs:1/assignment", null, Set.of("GLOBAL_ADMIN")),
                new Endpoint(HttpMethod.POST, p + "/subscriptions/p:advisory/draws",
                        "{\"phase\": \"DESIGN\", \"description\": \"review\", \"amount\": 1}", PARTNER),
                new Endpoint(HttpMethod.POST, p + "/subscriptions/p:advisory/fulfilment", "{\"fulfilmentReference\": \"F\"}", Set.of("FULFILMENT")),
                new Endpoint(HttpMethod.PUT, p + "/go-to-market/contact", """
                        {"userId": "mia", "alternativeEmail": "mia@agency.example", "phone": "+14255550100", "preferredLanguage": "en-US"}""",
                        Set.of("GLOBAL_ADMIN", "MPN_PARTNER_ADMIN")),
                new Endpoint(HttpMethod.POST, p + "/go-to-market/offers/silver-marketing-kit/activation", null,
                        Set.of("GLOBAL_ADMIN", "MPN_PARTNER_ADMIN")),
                new Endpoint(HttpMethod.POST, p + "/go-to-market/offers/silver-marketing-kit/fulfilment",
                        "{\"fulfilmentReference\": \"F\"}", Set.of("FULFILMENT")),
                new Endpoint(HttpMethod.POST, p + "/packages/p/cancellation", "{\"serviceRequest\": \"SR-1\"}", PARTNER),
                new Endpoint(HttpMethod.POST, "/partners", "PARTNER", Set.of("PROGRAM_OPERATOR")));

        LedgerClient bob = operator.registerPartner("other-" + suffix, "");
        List<Caller> callers = List.of(
                new Caller("global admin of the partner", alice, "GLOBAL_ADMIN", true, false),
                new Caller("user admin of the partner", alice.as("uma", "USER_ADMIN"), "USER_ADMIN", true, false),
                new Caller("admin agent of the partner", alice.as("dave", "ADMIN_AGENT"), "ADMIN_AGENT", true, false),
                new Caller("MPN partner admin of the partner", alice.as("mia", "MPN_PARTNER_ADMIN"), "MPN_PARTNER_ADMIN", true, false),
                new Caller("auditor granted the partner", operator.reader("ada", "AUDITOR", a), "AUDITOR", false, true),
                new Caller("reporting granted the partner", operator.reader("rex", "REPORTING", a), "REPORTING", false, true),
                new Caller("auditor granted another partner", operator.reader("ava", "AUDITOR", b), "AUDITOR", false, false),
                new Caller("global admin of another partner", bob, "GLOBAL_ADMIN", false, false),
                new Caller("fulfilment", operator.reader("fay", "FULFILMENT"), "FULFILMENT", false, false),
                new Caller("program operator", operator.reader("otto", "PROGRAM_OPERATOR"), "PROGRAM_OPERATOR", false, false));

        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : endpoints) {
            for (Caller caller : callers) {
                int expected = expected(endpoint, caller);
                long before = events();
                ResponseEntity<JsonNode> response = caller.client().send(endpoint.method(), endpoint.path(), body(endpoint, a));
                int status = response.getStatusCode().value();
                String call = endpoint.method() + " " + endpoint.path() + " by " + caller.name();
                if (expected == 200) {
                    softly.assertThat(status).as(call + " is allowed (" + response.getBody() + ")").isNotIn(401, 403, 404);
                } else {
                    softly.assertThat(status).as(call).isEqualTo(expected);
                    softly.assertThat(events()).as(call + " wrote nothing").isEqualTo(before);
                }
            }
            ResponseEntity<JsonNode> anonymous = http.exchange(endpoint.path(), endpoint.method(),
                    new HttpEntity<>(body(endpoint, a), jsonHeaders()), JsonNode.class);
            softly.assertThat(anonymous.getStatusCode().value()).as(endpoint.method() + " " + endpoint.path() + " without a token")
                    .isEqualTo(401);
        }
        softly.assertAll();
    }

    /** 200 stands for "allowed": the domain may still refuse with a 4xx of its own, never 401, 403 or 404. */
    static int expected(Endpoint endpoint, Caller caller) {
        boolean partnerPath = endpoint.path().startsWith("/partners/");
        boolean programSide = endpoint.path().endsWith("/fulfilment") && caller.role().equals("FULFILMENT")
                              || endpoint.path().endsWith("/qualifications") && caller.role().equals("PROGRAM_OPERATOR");
        if (partnerPath && !caller.ownPartner() && !(caller.grantedReader() && endpoint.method() == HttpMethod.GET)
            && !programSide) {
            return caller.grantedReader() ? 403 : 404;
        }
        return endpoint.roles().contains(caller.role()) ? 200 : 403;
    }

    String body(Endpoint endpoint, String partner) {
        return switch (String.valueOf(endpoint.body())) {
            case "PURCHASE" -> """
                    {"packageId": "p%d", "packageType": "Action Pack", "visualStudio": [{"allocationId": "vs", "name": "VS", "seats": 1}]}"""
                    .formatted(unique.incrementAndGet());
            case "USER" -> """
                    {"userId": "u%d", "displayName": "New user", "email": "u@%s.example", "roles": ["ADMIN_AGENT"]}"""
                    .formatted(unique.incrementAndGet(), partner);
            case "PARTNER" -> """
                    {"partnerId": "new-%s", "companyName": "New Ltd", "companyAccountEmail": "admin@new.example",
                     "firstAdmin": {"userId": "nina", "displayName": "Nina", "email": "nina@new.example"}}"""
                    .formatted(UUID.randomUUID());
            case "null" -> null;
            default -> endpoint.body();
        };
    }

    long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

}
