package io.benefitledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import io.benefitledger.testsupport.LedgerClient;
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
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton over HTTP on a real PostgreSQL: purchase a package, see it on the Software tab, reveal keys,
 * and watch the refund eligibility turn from eligible to not eligible, with the reveal as evidence.
 */
@LedgerIntegrationTest
class WalkingSkeletonTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    final String partner = "contoso-" + UUID.randomUUID();
    final String packageId = "pkg-" + UUID.randomUUID();
    LedgerClient alice;

    @BeforeEach
    void registerPartner() {
        alice = LedgerClient.operator(http).registerPartner(partner, "");
    }

    /** The contents of {@link #purchaseBody}, as an offering of the catalogue. */
    static final String ACTION_PACK = """
            {"name": "Action Pack",
             "software": [{"productId": "windows-server", "name": "Windows Server 2025", "keys": 2,
                           "languages": ["en-US", "de-DE"], "operatingSystems": ["x64"],
                           "downloadUrlTemplate": "https://downloads.example/windows-server/{language}/{os}",
                           "specialInstructions": "Activate within 30 days."}]}""";

    static String purchaseBody(String packageId) {
        return """
                {"packageId": "%s", "packageType": "Action Pack",
                 "software": [{"productId": "windows-server", "name": "Windows Server 2025", "keys": 2,
                               "languages": ["en-US", "de-DE"], "operatingSystems": ["x64"],
                               "downloadUrlTemplate": "https://downloads.example/windows-server/{language}/{os}",
                               "specialInstructions": "Activate within 30 days."}]}
                """.formatted(packageId);
    }

    ResponseEntity<JsonNode> post(String path, String body) {
        return alice.post(path, body);
    }

    JsonNode get(String path) {
        return alice.get(path);
    }

    long eventsOf(String aggregate) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where split_part(aggregate_identifier, '/', 2) = ?",
                Long.class, aggregate);
    }

    @Test
    void a_purchased_package_reaches_the_software_tab_and_loses_its_refund_once_keys_are_revealed() {
        ResponseEntity<JsonNode> purchased = alice.purchase("/partners/" + partner + "/packages", purchaseBody(packageId));
        assertThat(purchased.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(purchased.getHeaders().getLocation()).hasPath("/partners/" + partner + "/packages/" + packageId);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode tab = get("/partners/" + partner + "/software");
            assertThat(tab.get("total").asInt()).isEqualTo(1);
            JsonNode row = tab.get("rows").get(0);
            assertThat(row.get("productName").asText()).isEqualTo("Windows Server 2025");
            assertThat(row.get("status").asText()).isEqualTo("AVAILABLE");
            assertThat(row.get("keysRemaining").asInt()).isEqualTo(2);
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get("/partners/" + partner + "/packages/" + packageId + "/refund-eligibility").get("eligible").asBoolean())
                .isTrue());

        ResponseEntity<JsonNode> revealed = post("/partners/" + partner + "/packages/" + packageId
                                                 + "/software/windows-server/keys",
                """
                {"language": "de-DE", "operatingSystem": "x64"}""");
        assertThat(revealed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revealed.getBody().get("keys")).hasSize(1);
        assertThat(revealed.getBody().get("keys").get(0).asText()).matches("([A-Z2-9]{5}-){4}[A-Z2-9]{5}");
        assertThat(revealed.getBody().get("downloadLink").asText())
                .isEqualTo("https://downloads.example/windows-server/de-DE/x64");

        long revealSequence = jdbc.queryForObject("""
                select sequence_number from domain_event_entry
                where split_part(aggregate_identifier, '/', 2) = ? and payload_type = 'io.benefitledger.pkg.KeysRevealed'""",
                Long.class, packageId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode decision = get("/partners/" + partner + "/packages/" + packageId + "/refund-eligibility");
            assertThat(decision.get("eligible").asBoolean()).isFalse();
            JsonNode reason = decision.get("findings").get(1);
            assertThat(reason.get("condition").asText()).isEqualTo("no-software-activated");
            assertThat(reason.get("holds").asBoolean()).isFalse();
            assertThat(reason.get("evidence").get(0).get("eventType").asText()).isEqualTo("KeysRevealed");
            assertThat(reason.get("evidence").get(0).get("sequenceNumber").asLong()).isEqualTo(revealSequence);
        });
        JsonNode row = get("/partners/" + partner + "/software?awaitPosition=" + revealed.getBody().get("position").asLong())
                .get("rows").get(0);
        assertThat(row.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(row.get("keysRemaining").asInt()).isEqualTo(1);
        assertThat(row.has("keys")).as("license keys never appear on the tab").isFalse();
    }

    @Test
    void keys_in_a_language_the_product_does_not_offer_are_refused_with_a_problem_detail_and_nothing_is_recorded() {
        alice.purchase("/partners/" + partner + "/packages", purchaseBody(packageId));

        ResponseEntity<JsonNode> refused = post("/partners/" + partner + "/packages/" + packageId
                                                + "/software/windows-server/keys",
                """
                {"language": "fr-FR", "operatingSystem": "x64"}""");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("rule").asText()).isEqualTo("language-not-offered");
        assertThat(refused.getBody().get("detail").asText()).contains("fr-FR");
        assertThat(eventsOf(packageId)).isEqualTo(1);
    }

    @Test
    void a_purchase_with_invalid_fields_is_refused_with_each_field_named_and_nothing_is_recorded() {
        ResponseEntity<JsonNode> refused = alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "%s", "packageType": "",
                 "software": [{"productId": "office", "name": "Office", "keys": 0,
                               "languages": [], "operatingSystems": ["x64"],
                               "downloadUrlTemplate": "ftp://nowhere"}]}
                """.formatted(packageId));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").findValuesAsText("field"))
                .contains("name", "software[0].keys", "software[0].languages", "software[0].downloadUrlTemplate");
        assertThat(eventsOf(packageId)).isZero();
    }

    @Test
    void a_body_with_an_unknown_field_is_refused() {
        ResponseEntity<JsonNode> refused = post("/partners/" + partner + "/packages", """
                {"packageId": "%s", "offering": "action-pack", "discount": 100}
                """.formatted(packageId));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(eventsOf(packageId)).isZero();
    }

    @Test
    void a_partner_naming_the_contents_of_its_purchase_is_refused_with_the_field_named() {
        ResponseEntity<JsonNode> refused = post("/partners/" + partner + "/packages", """
                {"packageId": "%s", "offering": "action-pack",
                 "software": [{"productId": "office", "name": "Office", "keys": 100000, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]}
                """.formatted(packageId));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("software");
        assertThat(eventsOf(packageId)).isZero();
    }

    @Test
    void a_second_purchase_under_the_same_package_id_is_a_conflict() {
        alice.purchase("/partners/" + partner + "/packages", purchaseBody(packageId));

        ResponseEntity<JsonNode> again = alice.purchase("/partners/" + partner + "/packages", purchaseBody(packageId));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(eventsOf(packageId)).isEqualTo(1);
    }

    @Test
    void someone_outside_the_partners_directory_may_not_purchase() {
        ResponseEntity<JsonNode> refused = alice.as("mallory", "ADMIN_AGENT").purchase("/partners/" + partner + "/packages", purchaseBody(packageId));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().get("rule").asText()).isEqualTo("not-permitted");
        assertThat(eventsOf(packageId)).isZero();
    }

    @Test
    void a_write_after_one_that_failed_in_the_database_is_still_read_back_by_its_position() {
        alice.purchase("/partners/" + partner + "/packages", purchaseBody(packageId));
        // refused by the event store's unique key: its global index was drawn and never committed, a gap
        assertThat(alice.purchase("/partners/" + partner + "/packages", purchaseBody(packageId)).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<JsonNode> next = alice.purchase("/partners/" + partner + "/packages", purchaseBody(packageId + "-next"));

        JsonNode tab = get("/partners/" + partner + "/software?awaitPosition=" + next.getBody().get("position").asLong());
        assertThat(tab.get("total").asInt()).isEqualTo(2);
    }

    @Test
    void another_partner_is_told_the_package_does_not_exist() {
        alice.purchase("/partners/" + partner + "/packages", purchaseBody(packageId));
        String fabrikam = "fabrikam-" + UUID.randomUUID();
        LedgerClient.operator(http).registerPartner(fabrikam, "");

        ResponseEntity<JsonNode> foreign = post("/partners/" + fabrikam + "/packages/" + packageId
                                                + "/software/windows-server/keys",
                """
                {"language": "en-US", "operatingSystem": "x64"}""");

        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(eventsOf(packageId)).isEqualTo(1);
    }
}
