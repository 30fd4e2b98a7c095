package io.benefitledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A warehouse's feed across the partners a reader was granted, and the filters of a partner's event history. */
@LedgerIntegrationTest
class FeedTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_reporting_user_pages_through_every_granted_partners_history_with_personal_data_masked() {
        String first = "feed-a-" + UUID.randomUUID();
        String second = "feed-b-" + UUID.randomUUID();
        String other = "feed-c-" + UUID.randomUUID();
        LedgerClient operator = LedgerClient.operator(http);
        LedgerClient alice = operator.registerPartner(first, "\"Silver Core\"");
        operator.registerPartner(second, "");
        operator.registerPartner(other, "");
        alice.addUser("dave", "ADMIN_AGENT");
        alice.send(HttpMethod.PUT, "/partners/" + first + "/go-to-market/contact",
                "{\"userId\": \"dave\", \"alternativeEmail\": \"dave@agency.example\", \"phone\": \"+14255550100\", \"preferredLanguage\": \"en-US\"}");
        LedgerClient reporting = operator.reader("rita", "REPORTING", first, second);
        LedgerClient auditor = operator.reader("ada", "AUDITOR", first, second);

        List<JsonNode> fed = new ArrayList<>();
        long after = 0;
        for (int page = 0; page < 100; page++) {
            JsonNode answer = reporting.get("/audit/feed?limit=3&after=" + after);
            answer.get("events").forEach(fed::add);
            if (answer.get("next").asLong() == after) {
                break;
            }
            after = answer.get("next").asLong();
        }
        List<String> expected = jdbc.queryForList("""
                select event_identifier from domain_event_entry where partner_id in (?, ?) order by global_index""",
                String.class, first, second);
        assertThat(fed).extracting(event -> event.get("eventId").asText()).containsExactlyElementsOf(expected);
        assertThat(fed).extracting(event -> event.get("partnerId").asText()).containsOnly(first, second);
        JsonNode contact = fed.stream().filter(event -> event.get("type").asText().equals("ContactDesignated")).findFirst().orElseThrow();
        assertThat(contact.at("/payload/alternativeEmail").asText()).isEqualTo("***");
        assertThat(contact.at("/payload/phone").asText()).isEqualTo("***");
        assertThat(contact.at("/payload/contact").asText()).as("who the contact is, as in the tabs").isEqualTo("***");
        assertThat(contact.get("actingUser").asText()).isEqualTo("***");
        JsonNode added = fed.stream().filter(event -> event.get("type").asText().equals("UserAdded")).findFirst().orElseThrow();
        assertThat(added.at("/payload/displayName").asText()).isEqualTo("***");
        assertThat(added.at("/payload/user").asText()).isEqualTo("***");
        assertThat(added.at("/payload/roles").isArray()).as("what is not personal stays").isTrue();
        assertThat(fed.toString()).doesNotContain("alice@" + first).doesNotContain("Alice Admin").doesNotContain("\"dave\"");

        JsonNode unmasked = auditor.get("/audit/feed?limit=5000").get("events");
        assertThat(unmasked.toString()).contains("dave@agency.example").contains("+14255550100");
        assertThat(reporting.send(HttpMethod.GET, "/audit/feed?partner=" + other, null).getStatusCode().value()).isEqualTo(404);
        assertThat(alice.send(HttpMethod.GET, "/audit/feed", null).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void a_partners_history_is_filtered_by_type_instant_package_and_looked_up_by_event_id() throws Exception {
        String partner = "filters-" + UUID.randomUUID();
        LedgerClient alice = LedgerClient.operator(http).registerPartner(partner, "");
        String p = "/partners/" + partner;
        alice.purchase(p + "/packages", """
                {"packageId": "pkg_1", "packageType": "Action Pack",
                 "software": [{"productId": "office", "name": "Office", "keys": 3, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}],
                 "visualStudio": [{"allocationId": "vs", "name": "VS", "seats": 2}]}""");
        alice.purchase(p + "/packages", """
                {"packageId": "pkg-1", "packageType": "Action Pack",
                 "visualStudio": [{"allocationId": "vs", "name": "VS", "seats": 1}]}""");
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        alice.post(p + "/packages/pkg_1/software/office/keys", "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}");

        JsonNode reveals = alice.get(p + "/audit/events?type=KeysRevealed").get("events");
        assertThat(reveals).hasSize(1);
        assertThat(alice.get(p + "/audit/events?from=" + between).get("events")).extracting(event -> event.get("type").asText())
                .containsExactly("KeysRevealed");
        assertThat(alice.get(p + "/audit/events?to=" + between).get("events")).extracting(event -> event.get("type").asText())
                .doesNotContain("KeysRevealed");
        assertThat(alice.get(p + "/audit/events?package=pkg_1").get("events")).extracting(event -> event.get("aggregate").asText())
                .containsExactly("pkg_1", "pkg_1:vs:1", "pkg_1:vs:2", "pkg_1");
        String eventId = reveals.get(0).get("eventId").asText();
        assertThat(alice.get(p + "/audit/events/" + eventId).get("type").asText()).isEqualTo("KeysRevealed");
        assertThat(alice.send(HttpMethod.GET, p + "/audit/events/" + UUID.randomUUID(), null).getStatusCode().value()).isEqualTo(404);
        assertThat(alice.send(HttpMethod.GET, p + "/audit/events?type=drop%20table", null).getStatusCode().value()).isEqualTo(400);
    }
}
