package io.benefitledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an auditor can do over HTTP: read a partner's history with who did what through which request, export it,
 * and have any refund decision explained as of any instant, the same decision the read side and the cancellation
 * command gave.
 */
@LedgerIntegrationTest
class AuditTest {

    @Autowired
    TestRestTemplate http;

    String partner;
    String packageId;
    LedgerClient alice;
    LedgerClient auditor;
    JsonNode cancellation;
    long lastPosition;

    @BeforeEach
    void recordAHistory() {
        partner = "audit-" + UUID.randomUUID();
        packageId = "pkg-" + UUID.randomUUID().toString().substring(0, 8);
        LedgerClient operator = LedgerClient.operator(http);
        alice = operator.registerPartner(partner, "");
        auditor = operator.reader("ada", "AUDITOR", partner);
        alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "%s", "packageType": "Action Pack",
                 "software": [{"productId": "office", "name": "Office", "keys": 3, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]}"""
                .formatted(packageId));
        alice.post("/partners/" + partner + "/packages/" + packageId + "/software/office/keys",
                "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}");
        ResponseEntity<JsonNode> cancelled = alice.post("/partners/" + partner + "/packages/" + packageId + "/cancellation",
                "{\"serviceRequest\": \"SR-9\"}");
        cancellation = cancelled.getBody();
        lastPosition = cancellation.get("position").asLong();
    }

    List<JsonNode> packageHistory() {
        List<JsonNode> events = new ArrayList<>();
        auditor.get("/partners/" + partner + "/audit/events?aggregate=" + packageId).get("events").forEach(events::add);
        return events;
    }

    @Test
    void the_log_answers_ndjson_by_default_and_a_clear_406_naming_it_to_any_other_accept() {
        HttpHeaders anything = new HttpHeaders();
        anything.setBearerAuth(auditor.token());
        ResponseEntity<String> byDefault = http.exchange("/partners/" + partner + "/audit/log", HttpMethod.GET,
                new HttpEntity<>(anything), String.class);
        HttpHeaders json = new HttpHeaders();
        json.setBearerAuth(auditor.token());
        json.setAccept(List.of(MediaType.APPLICATION_JSON));
        ResponseEntity<JsonNode> refused = http.exchange("/partners/" + partner + "/audit/log", HttpMethod.GET,
                new HttpEntity<>(json), JsonNode.class);

        assertThat(byDefault.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byDefault.getHeaders().getContentType().toString()).startsWith("application/x-ndjson");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("type").asText()).isEqualTo("https://benefit-ledger.example/problems/not-acceptable");
        assertThat(refused.getBody().get("detail").asText()).contains("application/x-ndjson");
        assertThat(refused.getBody().get("supported")).extracting(JsonNode::asText).containsExactly("application/x-ndjson");
    }

    @Test
    void a_full_page_of_events_links_the_next_page_and_the_last_page_links_none() {
        String events = "/partners/" + partner + "/audit/events?aggregate=" + packageId;
        int recorded = packageHistory().size();

        JsonNode first = auditor.get(events + "&size=" + (recorded - 1));
        JsonNode second = auditor.get(first.get("next").asText());

        assertThat(first.get("next").asText()).isEqualTo(events + "&size=" + (recorded - 1) + "&page=1");
        assertThat(second.get("events")).hasSize(1);
        assertThat(second.get("next").isNull()).isTrue();
    }

    @Test
    void the_history_lists_every_event_in_order_with_who_and_which_request_and_never_a_license_key() {
        List<JsonNode> events = packageHistory();

        assertThat(events).extracting(event -> event.get("type").asText())
                .containsExactly("PackagePurchased", "KeysRevealed", "CancellationDenied");
        assertThat(events).extracting(event -> event.get("sequenceNumber").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.get("actingUser").asText()).isEqualTo("alice");
            assertThat(event.get("actingPartner").asText()).isEqualTo(partner);
            assertThat(event.get("requestId").asText()).isNotBlank();
            assertThat(event.get("correlationId").asText()).isNotBlank();
        });
        assertThat(events.get(1).at("/payload/keys").asText()).isEqualTo("[1 license keys, redacted]");
    }

    @Test
    void the_log_exports_the_partners_events_from_a_position_one_per_line() {
        ResponseEntity<String> log = http.exchange("/partners/" + partner + "/audit/log?from=0", HttpMethod.GET,
                new HttpEntity<>(bearer()), String.class);

        assertThat(log.getStatusCode()).isEqualTo(HttpStatus.OK);
        String[] lines = log.getBody().strip().split("\n");
        assertThat(lines.length).isGreaterThanOrEqualTo(5); // registration (3 events), purchase, reveal, denial
        assertThat(lines[lines.length - 1]).contains("\"type\":\"CancellationDenied\"");
    }

    @Test
    void the_refund_decision_replayed_as_of_any_instant_is_the_one_the_read_side_and_the_command_gave() {
        List<JsonNode> events = packageHistory();
        Instant purchased = Instant.parse(events.get(0).at("/payload/at").asText());
        Instant revealed = Instant.parse(events.get(1).at("/payload/at").asText());
        String projection = "/partners/" + partner + "/packages/" + packageId + "/refund-eligibility?awaitPosition=" + lastPosition + "&at=";
        String replay = "/partners/" + partner + "/audit/packages/" + packageId + "/refund-decision?at=";

        for (Instant at : List.of(purchased, revealed.minusMillis(1), revealed, purchased.plus(Duration.ofDays(30)),
                purchased.plus(Duration.ofDays(30)).plusMillis(1))) {
            assertThat(auditor.get(replay + at)).as("as of " + at).isEqualTo(alice.get(projection + at));
        }
        JsonNode decided = cancellation.get("decision");
        JsonNode replayed = auditor.get(replay + decided.get("decidedAt").asText());
        assertThat(replayed.get("eligible")).isEqualTo(decided.get("eligible"));
        assertThat(replayed.get("findings").findValues("holds")).isEqualTo(decided.get("findings").findValues("holds"));
        assertThat(replayed.get("findings").findValuesAsText("eventId")).isEqualTo(decided.get("findings").findValuesAsText("eventId"));
    }

    @Test
    void any_aggregate_is_rebuilt_as_it_stood_at_an_instant_from_its_events_up_to_then() {
        List<JsonNode> events = packageHistory();
        Instant purchased = Instant.parse(events.get(0).get("recordedAt").asText());
        Instant revealed = Instant.parse(events.get(1).get("recordedAt").asText());
        String asOf = "/partners/" + partner + "/audit/aggregates/" + packageId + "?at=";

        JsonNode justPurchased = auditor.get(asOf + purchased);
        assertThat(justPurchased.get("version").asLong()).isZero();
        assertThat(justPurchased.at("/lastEvent/type").asText()).isEqualTo("PackagePurchased");
        assertThat(justPurchased.at("/state/keysRevealed").size()).isZero();
        assertThat(justPurchased.at("/state/refundFacts/firstSoftwareActivation").isNull()).isTrue();

        JsonNode afterReveal = auditor.get(asOf + revealed);
        assertThat(afterReveal.get("version").asLong()).isOne();
        assertThat(afterReveal.at("/lastEvent/eventId").asText()).isEqualTo(events.get(1).get("eventId").asText());
        assertThat(afterReveal.at("/state/keysRevealed").toString()).contains("1");

        JsonNode now = auditor.get("/partners/" + partner + "/audit/aggregates/" + packageId);
        assertThat(now.at("/lastEvent/type").asText()).isEqualTo("CancellationDenied");
        assertThat(now.at("/lastEvent/position").asLong()).isEqualTo(events.get(events.size() - 1).get("position").asLong());
        assertThat(now.at("/state/refundFacts/firstSoftwareActivation/eventType").asText()).isEqualTo("KeysRevealed");

        assertThat(auditor.send(HttpMethod.GET, asOf + purchased.minusMillis(1), null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        String otherPartner = "audit-" + UUID.randomUUID();
        LedgerClient.operator(http).registerPartner(otherPartner, "");
        assertThat(auditor.send(HttpMethod.GET, "/partners/" + partner + "/audit/aggregates/" + otherPartner, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(auditor.send(HttpMethod.GET, "/partners/" + partner + "/audit/aggregates/" + partner, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void an_auditor_of_another_partner_is_told_it_does_not_exist_and_an_admin_agent_may_not_audit() {
        LedgerClient stranger = LedgerClient.operator(http).reader("ava", "AUDITOR", "someone-else");
        assertThat(stranger.send(HttpMethod.GET, "/partners/" + partner + "/audit/events", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(alice.as("dave", "ADMIN_AGENT").send(HttpMethod.GET, "/partners/" + partner + "/audit/events", null)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    HttpHeaders bearer() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(auditor.token());
        return headers;
    }
}
