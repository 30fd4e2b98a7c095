package io.benefitledger.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's HTTP API as the end-to-end tests drive it, as one caller: a user of a partner with roles, whose
 * bearer token is minted by the service's local mode.
 */
public final class LedgerClient {

    private final TestRestTemplate http;
    private final String user;
    private final String partner;
    private final String[] roles;
    private final String[] grantedPartners;
    private String token;

    private LedgerClient(TestRestTemplate http, String user, String partner, String[] roles, String[] grantedPartners) {
        this.http = http;
        this.user = user;
        this.partner = partner;
        this.roles = roles;
        this.grantedPartners = grantedPartners;
    }

    /** The program's own operator, who onboards partners and confirms fulfilments. */
    public static LedgerClient operator(TestRestTemplate http) {
        return new LedgerClient(http, "operator", null, new String[]{"PROGRAM_OPERATOR", "FULFILMENT"}, new String[0]);
    }

    /** A user of a partner with these roles, whether or not the partner or its directory knows them yet. */
    public static LedgerClient user(TestRestTemplate http, String user, String partner, String... roles) {
        return new LedgerClient(http, user, partner, roles, new String[0]);
    }

    /** A user of the same partner with these roles. */
    public LedgerClient as(String user, String... roles) {
        return new LedgerClient(http, user, partner, roles, new String[0]);
    }

    /** An auditor or reporting user granted these partners. */
    public LedgerClient reader(String user, String role, String... partners) {
        return new LedgerClient(http, user, null, new String[]{role}, partners);
    }

    /** A reader with several roles (auditing and reporting), granted these partners. */
    public LedgerClient reader(String user, List<String> roles, String... partners) {
        return new LedgerClient(http, user, null, roles.toArray(String[]::new), partners);
    }

    /** The caller's user id (the token's {@code sub}). */
    public String user() {
        return user;
    }

    public ResponseEntity<JsonNode> send(HttpMethod method, String path, String body) {
        return sendWith(jsonHeaders(), method, path, body);
    }

    /** Sends with extra headers of the caller's choosing, besides the caller's token. */
    public ResponseEntity<JsonNode> sendWith(HttpHeaders headers, HttpMethod method, String path, String body) {
        HttpHeaders withToken = new HttpHeaders();
        withToken.addAll(headers);
        withToken.setBearerAuth(token());
        return http.exchange(path, method, new HttpEntity<>(body, withToken), JsonNode.class);
    }

    public ResponseEntity<JsonNode> post(String path, String body) {
        return send(HttpMethod.POST, path, body);
    }

    public JsonNode get(String path) {
        ResponseEntity<JsonNode> response = send(HttpMethod.GET, path, null);
        assertThat(response.getStatusCode()).as(path + " answered " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** A plain-text answer, such as Prometheus metrics. */
    public String text(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token());
        ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** Registers a partner as the operator; answers the client of its first Global admin, alice. */
    public LedgerClient registerPartner(String partner, String qualifications) {
        ResponseEntity<JsonNode> registered = post("/partners", """
                {"partnerId": "%s", "companyName": "Contoso Ltd", "companyAccountEmail": "admin@%s.example",
                 "qualifications": [%s],
                 "firstAdmin": {"userId": "alice", "displayName": "Alice Admin", "email": "alice@%s.example"}}
                """.formatted(partner, partner, qualifications, partner));
        assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
        return new LedgerClient(http, "alice", partner, new String[]{"GLOBAL_ADMIN"}, new String[0]);
    }

    public void addUser(String user, String... roles) {
        ResponseEntity<JsonNode> added = post("/partners/" + partner + "/users", """
                {"userId": "%s", "displayName": "%s", "email": "%s@%s.example", "roles": [%s]}
                """.formatted(user, user, user, partner, quoted(roles)));
        assertThat(added.getStatusCode()).as(String.valueOf(added.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    public String token() {
        if (token == null) {
            ResponseEntity<JsonNode> minted = http.postForEntity("/local/tokens", new HttpEntity<>("""
                    {"userId": "%s", %s "roles": [%s], "partners": [%s]}""".formatted(user,
                    partner == null ? "" : "\"partnerId\": \"" + partner + "\",", quoted(roles), quoted(grantedPartners)),
                    jsonHeaders()), JsonNode.class);
            assertThat(minted.getStatusCode()).as(String.valueOf(minted.getBody())).isEqualTo(HttpStatus.OK);
            token = minted.getBody().get("token").asText();
        }
        return token;
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private static String quoted(String[] values) {
        return Arrays.stream(values).map(value -> "\"" + value + "\"").collect(Collectors.joining(","));
    }
}
