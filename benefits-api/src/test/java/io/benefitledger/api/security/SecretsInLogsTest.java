package io.benefitledger.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * License keys and personal contact data reach the people entitled to them and nobody's logs, not even when the
 * database refuses a write and the failure is logged.
 */
@LedgerIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void keys_and_alternative_emails_never_appear_in_the_logs(CapturedOutput logs) {
        String partner = "secret-" + UUID.randomUUID();
        LedgerClient alice = LedgerClient.operator(http).registerPartner(partner, "");
        alice.addUser("dave", "ADMIN_AGENT");
        String purchase = """
                {"packageId": "%s", "packageType": "Action Pack",
                 "software": [{"productId": "office", "name": "Office", "keys": 5, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}],
                 "technical": [{"allocationId": "advisory", "name": "Advisory hours", "quantity": 5, "unit": "HOUR"}]}"""
                .formatted("pkg-" + partner);
        alice.purchase("/partners/" + partner + "/packages", purchase);
        ResponseEntity<JsonNode> revealed = alice.post("/partners/" + partner + "/packages/pkg-" + partner
                                                       + "/software/office/keys", "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}");
        String key = revealed.getBody().get("keys").get(0).asText();
        alice.post("/partners/" + partner + "/subscriptions/pkg-" + partner + ":advisory/assignment",
                "{\"userId\": \"dave\", \"alternativeEmail\": \"dave.private@mail.example\"}");
        // refused by the event store's unique key, so the database's error is logged
        assertThat(alice.purchase("/partners/" + partner + "/packages", purchase).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        assertThat(revealed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(logs.getAll()).contains("duplicate key value").doesNotContain(key)
                .doesNotContain("dave.private@mail.example").doesNotContain("Batch entry 0 insert");
    }
}
