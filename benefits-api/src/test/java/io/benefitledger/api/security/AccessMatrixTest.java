package io.benefitledger.api.security;

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
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint, called by every kind of caller, for its own partner and for another: the status is the one the
 * roles and tenant rules give, and a refused call writes nothing. Every endpoint Spring serves must have a row here,
 * so a new endpoint without one fails this test until someone says who may call it.
 */
@LedgerIntegrationTest
class AccessMatrixTest {

    static final Set<String> PARTNER = Set.of("GLOBAL_ADMIN", "USER_ADMIN", "ADMIN_AGENT", "MPN_PARTNER_ADMIN");
    static final Set<String> READERS = Set.of("GLOBAL_ADMIN", "USER_ADMIN", "ADMIN_AGENT", "MPN_PARTNER_ADMIN", "AUDITOR", "REPORTING");

    static final Set<String> OPERATOR = Set.of("PROGRAM_OPERATOR");
    static final Set<String> ANYONE = Set.of("GLOBAL_ADMIN", "USER_ADMIN", "ADMIN_AGENT", "MPN_PARTNER_ADMIN", "AUDITOR",
            "REPORTING", "FULFILMENT", "PROGRAM_OPERATOR");

    /** @param anonymous what a call without a token answers: 401, or 200 ("allowed", as for roles) for what is open */
    record Endpoint(HttpMethod method, String path, String body, Set<String> roles, int anonymous) {
        Endpoint(HttpMethod method, String path, String body, Set<String> roles) {
            this(method, path, body, roles, 401);
        }

        /** Mapped, but there for errors only: asked for directly, it is nothing, to anyone (404). */
        static Endpoint nowhere(HttpMethod method, String path) {
            return new Endpoint(method, path, null, Set.of(), 404);
        }

        static Endpoint open(HttpMethod method, String path, String body) {
            return new Endpoint(method, path, body, ANYONE, 200);
        }

        boolean serves(HttpMethod candidateMethod, PathPattern pattern) {
            return method.equals(candidateMethod) && pattern.matches(PathContainer.parsePath(path.split("\\?")[0]));
        }
    }

    record Caller(String name, LedgerClient client, String role, boolean ownPartner, boolean grantedReader) {
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    /** Spring's request mappings: the controllers', springdoc's and actuator's. */
    @Autowired
    List<RequestMappingInfoHandlerMapping> handlerMappings;

    final AtomicInteger unique = new AtomicInteger();
    /** The offering every purchase buys. */
    String offering;

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
        alice.purchase("/partners/" + a + "/packages", """
                {"packageId": "p", "packageType": "Silver Core",
                 "software": [{"productId": "office", "name": "Office", "keys": 100, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}],
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio", "seats": 1}],
                 "technical": [{"allocationId": "advisory", "name": "Advisory hours", "quantity": 5, "unit": "HOUR"}]}""");

        long digest = operator.post("/audit/digests", null).getBody().get("id").asLong();
        alice.post("/partners/" + a + "/subscriptions/p:vs:1/assignment", "{\"userId\": \"dave\"}");
        long mail = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select coalesce(max(mail_id), 0) from mail_outbox where partner_id = ?", Long.class, a), id -> id > 0);
        offering = "seats-" + suffix;
        operator.publish(offering, """
                {"name": "Seats", "visualStudio": [{"allocationId": "vs", "name": "VS", "seats": 1}]}""");
        operator.publish("withdrawn-" + suffix, """
                {"name": "Seats", "visualStudio": [{"allocationId": "vs", "name": "VS", "seats": 1}]}""");

        String p = "/partners/" + a;
        List<Endpoint> endpoints = List.of(
                new Endpoint(HttpMethod.GET, p + "/software", null, READERS),
                new Endpoint(HttpMethod.GET, p + "/cloud", null, READERS),
                new Endpoint(HttpMethod.GET, p + "/visual-studio", null, READERS),
                new Endpoint(HttpMethod.GET, p + "/technical", null, READERS),
                new Endpoint(HttpMethod.GET, p + "/go-to-market", null, READERS),
                new Endpoint(HttpMethod.GET, p + "/refund-eligibility", null, READERS),
                new Endpoint(HttpMethod.GET, p + "/packages/p/refund-eligibility", null, READERS),
                new Endpoint(HttpMethod.GET, p + "/refusals", null, Set.of("GLOBAL_ADMIN", "AUDITOR")),
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
                new Endpoint(HttpMethod.POST, p + "/packages/p/offers/silver-marketing-kit/cancellation", "{\"serviceRequest\": \"SR-3\"}", PARTNER),
                new Endpoint(HttpMethod.POST, p + "/packages/p/benefits/p:vs:1/cancellation", "{\"serviceRequest\": \"SR-2\"}", PARTNER),
                new Endpoint(HttpMethod.POST, p + "/packages/p/cancellation", "{\"serviceRequest\": \"SR-1\"}", PARTNER),
                new Endpoint(HttpMethod.POST, "/partners", "PARTNER", Set.of("PROGRAM_OPERATOR")),
                new Endpoint(HttpMethod.DELETE, p + "/users/FRESH_USER", null, Set.of("GLOBAL_ADMIN", "USER_ADMIN")),
                // the directory's own rules: Global admin is granted and removed by a Global admin only, nobody changes
                // his own roles, and a user with no admin role may join
                new Endpoint(HttpMethod.POST, p + "/users", "EMPLOYEE", Set.of("GLOBAL_ADMIN", "USER_ADMIN")),
                new Endpoint(HttpMethod.POST, p + "/users", "NEW_GLOBAL_ADMIN", Set.of("GLOBAL_ADMIN")),
                new Endpoint(HttpMethod.PUT, p + "/users/FRESH_USER/roles", "{\"roles\": [\"GLOBAL_ADMIN\"]}",
                        Set.of("GLOBAL_ADMIN")),
                new Endpoint(HttpMethod.PUT, p + "/users/FRESH_GLOBAL_ADMIN/roles", "{\"roles\": [\"USER_ADMIN\"]}",
                        Set.of("GLOBAL_ADMIN")),
                new Endpoint(HttpMethod.DELETE, p + "/users/FRESH_GLOBAL_ADMIN", null, Set.of("GLOBAL_ADMIN")),
                new Endpoint(HttpMethod.PUT, p + "/users/SELF/roles", "{\"roles\": [\"GLOBAL_ADMIN\", \"USER_ADMIN\"]}",
                        Set.of()),
                new Endpoint(HttpMethod.POST, p + "/go-to-market/offers/silver-marketing-kit/uses", "{\"purpose\": \"campaign\"}",
                        Set.of("GLOBAL_ADMIN", "MPN_PARTNER_ADMIN")),
                new Endpoint(HttpMethod.GET, p + "/audit/events", null, Set.of("GLOBAL_ADMIN", "AUDITOR")),
                new Endpoint(HttpMethod.GET, p + "/audit/mails", null, Set.of("GLOBAL_ADMIN", "AUDITOR")),
                new Endpoint(HttpMethod.GET, p + "/audit/log", null, Set.of("GLOBAL_ADMIN", "AUDITOR")),
                new Endpoint(HttpMethod.GET, p + "/audit/events/" + jdbc.queryForObject(
                        "select event_identifier from domain_event_entry where partner_id = ? limit 1", String.class, a),
                        null, Set.of("GLOBAL_ADMIN", "AUDITOR")),
                new Endpoint(HttpMethod.GET, p + "/audit/verification", null, Set.of("GLOBAL_ADMIN", "AUDITOR")),
                new Endpoint(HttpMethod.GET, p + "/audit/aggregates/p", null, Set.of("GLOBAL_ADMIN", "AUDITOR")),
                new Endpoint(HttpMethod.GET, p + "/audit/packages/p/refund-decision", null, Set.of("GLOBAL_ADMIN", "AUDITOR")),
                new Endpoint(HttpMethod.GET, "/catalogue/offerings", null, ANYONE),
                new Endpoint(HttpMethod.GET, "/catalogue/offerings/" + offering, null, ANYONE),
                new Endpoint(HttpMethod.GET, "/catalogue/offerings/" + offering + "/versions/1", null, ANYONE),
                new Endpoint(HttpMethod.PUT, "/catalogue/offerings/" + offering, """
                        {"name": "Seats", "visualStudio": [{"allocationId": "vs", "name": "VS", "seats": 1}]}""", OPERATOR),
                new Endpoint(HttpMethod.POST, "/catalogue/offerings/withdrawn-" + suffix + "/withdrawal", null, OPERATOR),
                new Endpoint(HttpMethod.GET, "/reports/utilisation", null, READERS),
                new Endpoint(HttpMethod.GET, "/reports/utilisation.csv", null, READERS),
                new Endpoint(HttpMethod.GET, "/reports/expiring-offers", null, READERS),
                new Endpoint(HttpMethod.GET, "/reports/expiring-offers.csv", null, READERS),
                new Endpoint(HttpMethod.GET, "/reports/refundable-packages", null, READERS),
                new Endpoint(HttpMethod.GET, "/reports/refundable-packages.csv", null, READERS),
                new Endpoint(HttpMethod.GET, "/reports/activation-backlog", null, READERS),
                new Endpoint(HttpMethod.GET, "/reports/activation-backlog.csv", null, READERS),
                new Endpoint(HttpMethod.GET, "/reports/upcoming", null, READERS),
                new Endpoint(HttpMethod.POST, "/audit/digests", null, OPERATOR),
                new Endpoint(HttpMethod.GET, "/audit/digests", null, Set.of("PROGRAM_OPERATOR", "AUDITOR")),
                new Endpoint(HttpMethod.GET, "/audit/feed", null, Set.of("AUDITOR", "REPORTING")),
                new Endpoint(HttpMethod.GET, "/audit/digests/" + digest + "/verification", null, OPERATOR),
                new Endpoint(HttpMethod.GET, "/operations/processors", null, OPERATOR),
                new Endpoint(HttpMethod.GET, "/operations/processors/read-models", null, OPERATOR),
                new Endpoint(HttpMethod.POST, "/operations/processors/read-models/rebuild", null, OPERATOR),
                new Endpoint(HttpMethod.GET, "/operations/processors/read-models/dead-letters", null, OPERATOR),
                new Endpoint(HttpMethod.POST, "/operations/processors/read-models/dead-letters/retry", null, OPERATOR),
                new Endpoint(HttpMethod.GET, "/operations/mail", null, OPERATOR),
                new Endpoint(HttpMethod.GET, "/operations/mail/" + mail, null, OPERATOR),
                new Endpoint(HttpMethod.POST, "/operations/mail/" + mail + "/retry", null, OPERATOR),
                new Endpoint(HttpMethod.POST, "/operations/mail/" + mail + "/discard", null, OPERATOR),
                Endpoint.open(HttpMethod.POST, "/local/tokens", "{\"userId\": \"lee\", \"roles\": [\"AUDITOR\"]}"),
                Endpoint.open(HttpMethod.GET, "/actuator/health", null),
                new Endpoint(HttpMethod.GET, "/actuator/health/db", null, OPERATOR),
                new Endpoint(HttpMethod.GET, "/actuator", null, OPERATOR),
                new Endpoint(HttpMethod.GET, "/actuator/info", null, OPERATOR),
                // /actuator/prometheus is off in tests unless asked for; OperationsEndpointsTest covers it
                new Endpoint(HttpMethod.GET, "/actuator/metrics", null, OPERATOR),
                new Endpoint(HttpMethod.GET, "/actuator/metrics/jvm.threads.live", null, OPERATOR),
                // Spring's error page and the API description are open by design and show no partner's data
                Endpoint.nowhere(HttpMethod.GET, "/error"),
                Endpoint.open(HttpMethod.GET, "/v3/api-docs", null),
                Endpoint.open(HttpMethod.GET, "/v3/api-docs.yaml", null),
                Endpoint.open(HttpMethod.GET, "/v3/api-docs/swagger-config", null),
                Endpoint.open(HttpMethod.GET, "/swagger-ui.html", null));
        assertThat(unlisted(endpoints)).as("endpoints the matrix has no row for: add one, with who may call it").isEmpty();

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
                String path = path(endpoint, alice, caller.client().user());
                long before = events();
                ResponseEntity<String> response = call(caller.client(), endpoint.method(), path, body(endpoint, a));
                int status = response.getStatusCode().value();
                String call = endpoint.method() + " " + path + " by " + caller.name();
                if (expected == 200) {
                    softly.assertThat(status).as(call + " is allowed (" + response.getBody() + ")").isNotIn(401, 403, 404);
                } else {
                    softly.assertThat(status).as(call).isEqualTo(expected);
                    softly.assertThat(events()).as(call + " wrote nothing").isEqualTo(before);
                }
            }
            ResponseEntity<String> anonymous = http.exchange(path(endpoint, alice, "alice"), endpoint.method(),
                    new HttpEntity<>(body(endpoint, a), jsonHeaders()), String.class);
            String call = endpoint.method() + " " + endpoint.path() + " without a token";
            if (endpoint.anonymous() == 200) {
                softly.assertThat(anonymous.getStatusCode().value()).as(call + " is allowed").isNotIn(401, 403, 404);
            } else {
                softly.assertThat(anonymous.getStatusCode().value()).as(call).isEqualTo(endpoint.anonymous());
            }
        }
        softly.assertAll();
    }

    @Test
    void a_caller_without_the_right_is_refused_for_the_right_before_the_body_is_read() {
        String partner = "rights-first-" + UUID.randomUUID().toString().substring(0, 8);
        LedgerClient operator = LedgerClient.operator(http);
        LedgerClient alice = operator.registerPartner(partner, "");
        alice.addUser("dave", "ADMIN_AGENT");
        LedgerClient dave = alice.as("dave", "ADMIN_AGENT");
        String p = "/partners/" + partner;
        List<Endpoint> endpoints = List.of(
                new Endpoint(HttpMethod.POST, p + "/users", null, Set.of("GLOBAL_ADMIN")),
                new Endpoint(HttpMethod.PUT, p + "/users/dave/roles", null, Set.of("GLOBAL_ADMIN")),
                new Endpoint(HttpMethod.PUT, p + "/company-account-email", null, Set.of("GLOBAL_ADMIN")),
                new Endpoint(HttpMethod.PUT, p + "/qualifications", null, Set.of()),
                new Endpoint(HttpMethod.PUT, p + "/go-to-market/contact", null, Set.of("GLOBAL_ADMIN")),
                new Endpoint(HttpMethod.POST, p + "/subscriptions/any/assignment", null, Set.of("GLOBAL_ADMIN")),
                new Endpoint(HttpMethod.POST, p + "/subscriptions/any/fulfilment", null, Set.of()),
                new Endpoint(HttpMethod.POST, "/partners", null, Set.of()));

        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : endpoints) {
            for (String invalid : List.of("{}", "{\"unknown\": 1}", "{")) {
                String call = endpoint.method() + " " + endpoint.path() + " with " + invalid;
                softly.assertThat(dave.send(endpoint.method(), endpoint.path(), invalid).getStatusCode().value())
                        .as(call + " by an admin agent").isEqualTo(403);
                softly.assertThat(alice.send(endpoint.method(), endpoint.path(), invalid).getStatusCode().value())
                        .as(call + " by the global admin").isEqualTo(endpoint.roles().isEmpty() ? 403 : 400);
            }
        }
        softly.assertAll();
    }

    /** Any answer as text: some are CSV, NDJSON, YAML or HTML. */
    ResponseEntity<String> call(LedgerClient client, HttpMethod method, String path, String body) {
        HttpHeaders headers = jsonHeaders();
        headers.setBearerAuth(client.token());
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    /** The endpoints Spring serves that no row calls. */
    List<String> unlisted(List<Endpoint> endpoints) {
        List<String> unlisted = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping handlerMapping : handlerMappings) {
            for (RequestMappingInfo mapping : handlerMapping.getHandlerMethods().keySet()) {
                Set<HttpMethod> methods = mapping.getMethodsCondition().getMethods().stream()
                        .map(method -> HttpMethod.valueOf(method.name())).collect(Collectors.toSet());
                for (PathPattern pattern : mapping.getPathPatternsCondition().getPatterns()) {
                    if (pattern.getPatternString().equals("/") || pattern.getPatternString().startsWith("/console")) {
                        continue; // the Benefits page: a session's, not a bearer token's (ConsoleAccessTest)
                    }
                    boolean listed = endpoints.stream().anyMatch(endpoint -> (methods.isEmpty() ? Set.of(HttpMethod.GET) : methods)
                            .stream().allMatch(method -> endpoint.serves(method, pattern)));
                    if (!listed) {
                        unlisted.add(methods + " " + pattern);
                    }
                }
            }
        }
        return unlisted;
    }

    /** The caller himself ({@code SELF}), or a user added first, so that each allowed change finds one. */
    String path(Endpoint endpoint, LedgerClient globalAdmin, String caller) {
        String path = endpoint.path().replace("SELF", caller);
        for (String fresh : List.of("FRESH_USER", "FRESH_GLOBAL_ADMIN")) {
            if (path.contains(fresh)) {
                String user = "u" + unique.incrementAndGet();
                if (fresh.equals("FRESH_USER")) {
                    globalAdmin.addUser(user, "ADMIN_AGENT");
                } else {
                    globalAdmin.addUser(user, "GLOBAL_ADMIN");
                }
                path = path.replace(fresh, user);
            }
        }
        return path;
    }

    /** 200 stands for "allowed": the domain may still refuse with a 4xx of its own, never 401, 403 or 404. */
    static int expected(Endpoint endpoint, Caller caller) {
        if (endpoint.anonymous() == 404) {
            return 404;
        }
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
                    {"packageId": "p%d", "offering": "%s"}"""
                    .formatted(unique.incrementAndGet(), offering);
            case "EMPLOYEE" -> """
                    {"userId": "u%d", "displayName": "New employee", "email": "u@%s.example", "roles": []}"""
                    .formatted(unique.incrementAndGet(), partner);
            case "NEW_GLOBAL_ADMIN" -> """
                    {"userId": "u%d", "displayName": "New admin", "email": "u@%s.example", "roles": ["GLOBAL_ADMIN"]}"""
                    .formatted(unique.incrementAndGet(), partner);
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
