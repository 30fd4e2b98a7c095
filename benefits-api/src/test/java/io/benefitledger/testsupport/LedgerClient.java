package io.benefitledger.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's HTTP API as the end-to-end tests drive it, acting as one user. */
public record LedgerClient(TestRestTemplate http, String actingUser) {

    public LedgerClient as(String user) {
        return new LedgerClient(http, user);
    }

    public ResponseEntity<JsonNode> send(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Acting-User", actingUser);
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    public ResponseEntity<JsonNode> post(String path, String body) {
        return send(HttpMethod.POST, path, body);
    }

    public JsonNode get(String path) {
        ResponseEntity<JsonNode> response = send(HttpMethod.GET, path, null);
        assertThat(response.getStatusCode()).as(path + " answered " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** Registers a partner whose first Global admin is the acting user; answers the position of the registration. */
    public long registerPartner(String partner, String qualifications) {
        ResponseEntity<JsonNode> registered = post("/partners", """
                {"partnerId": "%s", "companyName": "Contoso Ltd", "companyAccountEmail": "admin@%s.example",
                 "qualifications": [%s],
                 "firstAdmin": {"userId": "%s", "displayName": "Alice Admin", "email": "%s@%s.example"}}
                """.formatted(partner, partner, qualifications, actingUser, actingUser, partner));
        assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
        return registered.getBody().get("position").asLong();
    }

    public void addUser(String partner, String user, String... roles) {
        ResponseEntity<JsonNode> added = post("/partners/" + partner + "/users", """
                {"userId": "%s", "displayName": "%s", "email": "%s@%s.example", "roles": [%s]}
                """.formatted(user, user, user, partner, String.join(",", java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList())));
        assertThat(added.getStatusCode()).as(String.valueOf(added.getBody())).isEqualTo(HttpStatus.CREATED);
    }
}
