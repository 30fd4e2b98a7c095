package io.benefitledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An event edited directly in the database, behind the service's back, is found and named. */
@LedgerIntegrationTest
class TamperEvidenceTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_event_edited_in_the_database_is_named_by_the_verification() {
        String partner = "tamper-" + UUID.randomUUID();
        String packageId = "pkg-" + UUID.randomUUID().toString().substring(0, 8);
        LedgerClient operator = LedgerClient.operator(http);
        LedgerClient alice = operator.registerPartner(partner, "");
        LedgerClient auditor = operator.reader("ada", "AUDITOR", partner);
        alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "%s", "packageType": "Action Pack",
                 "software": [{"productId": "office", "name": "Office", "keys": 3, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]}"""
                .formatted(packageId));
        alice.post("/partners/" + partner + "/packages/" + packageId + "/software/office/keys",
                "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}");
        String verification = "/partners/" + partner + "/audit/verification";
        JsonNode intact = auditor.get(verification);
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("eventsVerified").asLong()).isEqualTo(5); // registration (3), purchase, reveal

        String purchase = jdbc.queryForObject(
                "select event_identifier from domain_event_entry where split_part(aggregate_identifier, '/', 2) = ? and sequence_number = 0",
                String.class, packageId);
        // someone with database access grants the package more keys than were bought
        jdbc.update("""
                update domain_event_entry
                set payload = convert_to(replace(convert_from(payload, 'UTF8'), '"keys":3', '"keys":300'), 'UTF8')
                where event_identifier = ?""", purchase);

        JsonNode broken = auditor.get(verification);
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.at("/firstBreak/eventId").asText()).isEqualTo(purchase);
        assertThat(broken.at("/firstBreak/aggregate").asText()).isEqualTo(packageId);
        assertThat(broken.at("/firstBreak/problem").asText()).startsWith("altered");
        assertThat(auditor.get(verification + "?aggregate=" + packageId).get("intact").asBoolean()).isFalse();
    }
}
