package io.benefitledger.api.refusals;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refused command leaves a trace its partner's auditors can read, apart from the events; a success leaves none. */
@LedgerIntegrationTest
class RefusalsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    String partner;
    String packageId;
    String refusals;
    LedgerClient operator;
    LedgerClient alice;
    LedgerClient dave;
    LedgerClient ada;

    @BeforeEach
    void aPartnerWithAPackage() {
        partner = "refusals-" + UUID.randomUUID();
        packageId = "p-" + UUID.randomUUID().toString().substring(0, 8);
        refusals = "/partners/" + partner + "/refusals";
        operator = LedgerClient.operator(http);
        alice = operator.registerPartner(partner, "");
        alice.addUser("dave", "ADMIN_AGENT");
        dave = alice.as("dave", "ADMIN_AGENT");
        ada = operator.reader("ada", "AUDITOR", partner);
        ResponseEntity<JsonNode> purchased = alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "%s", "packageType": "Action Pack",
                 "software": [{"productId": "office", "name": "Office", "keys": 5, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}],
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 1}],
                 "technical": [{"allocationId": "advisory", "name": "Advisory hours", "quantity": 8, "unit": "HOUR"}]}"""
                .formatted(packageId));
        assertThat(purchased.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    ResponseEntity<JsonNode> send(LedgerClient client, String requestId, String ifMatch, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Request-Id", requestId);
        if (ifMatch != null) {
            headers.setIfMatch("\"" + ifMatch + "\"");
        }
        return client.sendWith(headers, HttpMethod.POST, "/partners/" + partner + path, body);
    }

    long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where partner_id = ?", Long.class, partner);
    }

    @Test
    void a_403_a_412_a_422_and_a_400_each_appear_newest_first_with_who_what_when_which_request_and_why() {
        String reveal = "/packages/" + packageId + "/software/office/keys";
        String keys = "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}";
        assertThat(send(alice, "first-reveal", "0", reveal, keys).getStatusCode()).isEqualTo(HttpStatus.OK);
        long before = events();

        assertThat(send(dave, "req-403", null, "/subscriptions/" + packageId + ":vs:1/assignment", "{\"userId\": \"dave\"}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(alice, "req-412", "0", reveal, keys).getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(send(alice, "req-422", null, "/subscriptions/" + packageId + ":advisory/assignment",
                "{\"userId\": \"dave\", \"alternativeEmail\": \"admin@" + partner + ".example\"}").getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(send(alice, "req-400", null, "/packages/" + packageId + "/cancellation", "{\"serviceRequest\": 7, \"x\": 1}")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(events()).as("refused commands recorded no event").isEqualTo(before);
        JsonNode rows = ada.get(refusals).get("rows");
        assertThat(rows.findValuesAsText("requestId")).containsExactly("req-400", "req-422", "req-412", "req-403");
        assertThat(rows.findValuesAsText("status")).containsExactly("400", "422", "412", "403");
        assertThat(rows.findValuesAsText("problemType")).containsExactly(
                "https://benefit-ledger.example/problems/invalid-request",
                "https://benefit-ledger.example/problems/alternative-email-is-company-email",
                "https://benefit-ledger.example/problems/stale-version",
                "https://benefit-ledger.example/problems/not-permitted");
        JsonNode forbidden = rows.get(3);
        assertThat(forbidden.get("actingUser").asText()).isEqualTo("dave");
        assertThat(forbidden.get("actingPartner").asText()).isEqualTo(partner);
        assertThat(forbidden.get("method").asText()).isEqualTo("POST");
        assertThat(forbidden.get("path").asText()).isEqualTo("/partners/{partnerId}/subscriptions/{subscriptionId}/assignment");
        assertThat(forbidden.get("aggregate").asText()).isEqualTo(packageId + ":vs:1");
        assertThat(forbidden.get("refusedAt").asText()).isNotEmpty();
        assertThat(rows.get(2).get("aggregate").asText()).isEqualTo(packageId);
        assertThat(rows.get(2).get("actingUser").asText()).isEqualTo("alice");
    }

    @Test
    void a_successful_command_leaves_no_refusal() {
        assertThat(send(alice, "ok", null, "/subscriptions/" + packageId + ":vs:1/assignment", "{\"userId\": \"dave\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(send(alice, "ok-2", null, "/packages/" + packageId + "/software/office/keys",
                "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(ada.get(refusals).get("total").asInt()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from command_refusal where request_id in ('ok', 'ok-2')", Long.class)).isZero();
    }

    @Test
    void a_refusal_never_stores_the_request_body() {
        String secret = "s3cret-" + UUID.randomUUID();

        ResponseEntity<JsonNode> refused = send(alice, "req-secret", null, "/subscriptions/" + packageId + ":advisory/assignment",
                "{\"userId\": \"dave\", \"alternativeEmail\": \"admin@" + partner + ".example\", \"note\": \"" + secret + "\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String stored = jdbc.queryForObject("select row_to_json(r)::text from command_refusal r where request_id = 'req-secret'",
                String.class);
        assertThat(stored).contains("req-secret").doesNotContain(secret).doesNotContain("admin@");
    }

    @Test
    void a_partners_refusals_are_read_by_its_auditors_and_global_admin_and_by_nobody_else() {
        send(dave, "req-x", null, "/subscriptions/" + packageId + ":vs:1/assignment", "{\"userId\": \"dave\"}");
        LedgerClient otherAdmin = operator.registerPartner("other-" + UUID.randomUUID(), "");
        LedgerClient otherAuditor = operator.reader("oscar", "AUDITOR", "other-partner");

        assertThat(ada.get(refusals).get("total").asInt()).isEqualTo(1);
        assertThat(alice.get(refusals).get("rows").get(0).get("requestId").asText()).isEqualTo("req-x");
        assertThat(otherAdmin.send(HttpMethod.GET, refusals, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherAuditor.send(HttpMethod.GET, refusals, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(dave.send(HttpMethod.GET, refusals, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(operator.reader("rita", "REPORTING", partner).send(HttpMethod.GET, refusals, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void refusals_are_paged_within_the_usual_bounds() {
        for (int i = 0; i < 3; i++) {
            send(dave, "page-" + i, null, "/subscriptions/" + packageId + ":vs:1/assignment", "{\"userId\": \"dave\"}");
        }

        JsonNode second = ada.get(refusals + "?page=1&size=1");
        assertThat(second.get("total").asInt()).isEqualTo(3);
        assertThat(second.get("rows").findValuesAsText("requestId")).containsExactly("page-1");
        assertThat(ada.send(HttpMethod.GET, refusals + "?size=501", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ada.send(HttpMethod.GET, refusals + "?page=-1", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
