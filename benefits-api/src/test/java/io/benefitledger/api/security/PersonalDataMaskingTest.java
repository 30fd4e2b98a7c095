package io.benefitledger.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reporting user reads a partner's benefits, not its people: who holds a benefit, their e-mails and phones are
 * masked in every tab. Auditors and the partner's own users see them.
 */
@LedgerIntegrationTest
class PersonalDataMaskingTest {

    @Autowired
    TestRestTemplate http;

    String partner;
    String packageId;
    long last;
    LedgerClient operator;
    LedgerClient alice;
    LedgerClient rita;

    @BeforeEach
    void aPartnerWhosePeopleHoldItsBenefits() {
        partner = "people-" + UUID.randomUUID();
        packageId = "p-" + UUID.randomUUID().toString().substring(0, 8);
        operator = LedgerClient.operator(http);
        alice = operator.registerPartner(partner, "\"Silver Core\"");
        rita = operator.reader("rita", "REPORTING", partner);
        String at = "/partners/" + partner;
        accepted(alice.purchase(at + "/packages", """
                {"packageId": "%s", "packageType": "Silver Core",
                 "software": [{"productId": "office", "name": "Office", "keys": 2, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}],
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 2}],
                 "cloudUsage": [{"allocationId": "azure", "name": "Azure sponsorship"}],
                 "technical": [{"allocationId": "advisory", "name": "Advisory hours", "quantity": 8, "unit": "HOUR"}]}"""
                .formatted(packageId)));
        accepted(alice.post(at + "/packages/" + packageId + "/software/office/keys", "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}"));
        accepted(alice.post(at + "/subscriptions/" + packageId + ":vs:1/assignment", "{\"userId\": \"alice\"}"));
        accepted(alice.post(at + "/subscriptions/" + packageId + ":azure/assignment", "{\"userId\": \"alice\"}"));
        accepted(alice.post(at + "/subscriptions/" + packageId + ":advisory/assignment",
                "{\"userId\": \"alice\", \"alternativeEmail\": \"alice.home@mail.example\"}"));
        accepted(alice.send(HttpMethod.PUT, at + "/go-to-market/contact", """
                {"userId": "alice", "alternativeEmail": "alice@agency.example", "phone": "+14255550100", "preferredLanguage": "en-US"}"""));
    }

    void accepted(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
        last = Math.max(last, response.getBody().get("position").asLong());
    }

    JsonNode tab(LedgerClient reader, String tab) {
        return reader.get("/partners/" + partner + "/" + tab + "?awaitPosition=" + last);
    }

    @Test
    void a_reporting_user_sees_the_marketing_contacts_alternative_email_phone_and_user_masked() {
        JsonNode contact = tab(rita, "go-to-market").get("marketingContact");

        assertThat(contact.get("alternativeEmail").asText()).isEqualTo("***");
        assertThat(contact.get("phone").asText()).isEqualTo("***");
        assertThat(contact.get("user").asText()).isEqualTo("***");
        assertThat(contact.get("designatedBy").asText()).isEqualTo("***");
        assertThat(contact.get("preferredLanguage").asText()).as("not personal").isEqualTo("en-US");
    }

    @Test
    void a_reporting_user_sees_a_technical_benefits_alternative_email_and_assignee_masked() {
        JsonNode technical = tab(rita, "technical").get("rows").get(0);

        assertThat(technical.get("alternativeEmail").asText()).isEqualTo("***");
        assertThat(technical.get("assignedUser").asText()).isEqualTo("***");
        assertThat(technical.get("remaining").asInt()).as("not personal").isEqualTo(8);
    }

    @Test
    void a_reporting_user_sees_who_holds_a_seat_a_subscription_or_revealed_a_key_masked_and_an_empty_seat_as_empty() {
        JsonNode seats = tab(rita, "visual-studio").get("rows");
        assertThat(seats.get(0).get("assignedUser").asText()).isEqualTo("***");
        assertThat(seats.get(1).get("assignedUser").isNull()).isTrue();
        assertThat(tab(rita, "cloud").get("rows").get(0).get("assignedUser").asText()).isEqualTo("***");
        assertThat(tab(rita, "software").get("rows").get(0).get("lastRevealedBy").asText()).isEqualTo("***");
    }

    @Test
    void an_auditor_and_the_partners_own_users_see_the_people() {
        LedgerClient ada = operator.reader("ada", "AUDITOR", partner);
        LedgerClient ownReportingAgent = alice.as("dave", "ADMIN_AGENT", "REPORTING");
        for (LedgerClient reader : List.of(ada, alice, ownReportingAgent)) {
            JsonNode contact = tab(reader, "go-to-market").get("marketingContact");
            assertThat(contact.get("alternativeEmail").asText()).isEqualTo("alice@agency.example");
            assertThat(contact.get("phone").asText()).isEqualTo("+14255550100");
            assertThat(tab(reader, "technical").get("rows").get(0).get("alternativeEmail").asText()).isEqualTo("alice.home@mail.example");
            assertThat(tab(reader, "visual-studio").get("rows").get(0).get("assignedUser").asText()).isEqualTo("alice");
            assertThat(tab(reader, "software").get("rows").get(0).get("lastRevealedBy").asText()).isEqualTo("alice");
        }
    }

    @Test
    void a_reader_both_reporting_and_auditing_the_partner_sees_the_people() {
        LedgerClient both = operator.reader("rada", List.of("REPORTING", "AUDITOR"), partner);

        assertThat(tab(both, "go-to-market").at("/marketingContact/phone").asText()).isEqualTo("+14255550100");
    }
}
