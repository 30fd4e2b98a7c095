package io.benefitledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Identity is scoped to the partner: two partners' ids never meet, and neither is told anything of the other's. */
@LedgerIntegrationTest
class TenantScopedIdentityTest {

    static final String PACKAGE = """
            {"packageId": "shared", "packageType": "Silver Core",
             "software": [{"productId": "office", "name": "Office", "keys": 2, "languages": ["en-US"],
                           "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}],
             "visualStudio": [{"allocationId": "vs", "name": "Visual Studio", "seats": 1}]}""";

    @Autowired
    TestRestTemplate http;

    @Test
    void two_partners_use_the_same_package_and_seat_ids_and_each_sees_and_changes_only_its_own() {
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        LedgerClient operator = LedgerClient.operator(http);
        LedgerClient alice = operator.registerPartner(a, "\"Silver Core\"");
        LedgerClient bob = operator.registerPartner(b, "\"Silver Core\"");

        assertThat(alice.purchase("/partners/" + a + "/packages", PACKAGE).getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> second = bob.purchase("/partners/" + b + "/packages", PACKAGE);
        assertThat(second.getStatusCode().value()).as("the id another partner uses is as free as any: " + second.getBody())
                .isEqualTo(201);

        assertThat(alice.post("/partners/" + a + "/packages/shared/software/office/keys",
                "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}").getStatusCode().value()).isEqualTo(200);
        assertThat(bob.post("/partners/" + b + "/subscriptions/shared:vs:1/assignment", "{\"userId\": \"alice\"}")
                .getStatusCode().value()).isEqualTo(200);

        await().untilAsserted(() -> {
            assertThat(alice.get("/partners/" + a + "/software").at("/rows/0/keysRevealed").asInt()).isEqualTo(1);
            assertThat(bob.get("/partners/" + b + "/software").at("/rows/0/keysRevealed").asInt()).isZero();
            assertThat(alice.get("/partners/" + a + "/visual-studio").at("/rows/0/status").asText()).isEqualTo("AVAILABLE");
            assertThat(bob.get("/partners/" + b + "/visual-studio").at("/rows/0/status").asText()).isEqualTo("ACTIVE");
            assertThat(alice.get("/partners/" + a + "/packages/shared/refund-eligibility").get("eligible").asBoolean()).isFalse();
            assertThat(bob.get("/partners/" + b + "/packages/shared/refund-eligibility").get("eligible").asBoolean()).isTrue();
        });

        JsonNode bobsCancellation = bob.post("/partners/" + b + "/packages/shared/cancellation", "{\"serviceRequest\": \"SR-1\"}").getBody();
        assertThat(bobsCancellation.get("outcome").asText()).isEqualTo("cancelled-with-refund");
        await().untilAsserted(() -> assertThat(alice.get("/partners/" + a + "/visual-studio").at("/rows/0/status").asText())
                .as("another partner's refund revokes nothing of this one's").isEqualTo("AVAILABLE"));

        JsonNode history = alice.get("/partners/" + a + "/audit/events?aggregate=shared").get("events");
        assertThat(history).extracting(event -> event.get("type").asText()).containsExactly("PackagePurchased", "KeysRevealed");
        assertThat(history).allSatisfy(event -> assertThat(event.get("actingPartner").asText()).isEqualTo(a));
        JsonNode verification = alice.get("/partners/" + a + "/audit/verification?aggregate=shared");
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("eventsVerified").asLong()).isEqualTo(2);
        assertThat(bob.get("/partners/" + b + "/audit/aggregates/shared:vs:1").at("/state/status").asText()).isEqualTo("REVOKED");
    }

    @Test
    void no_partner_can_take_the_ids_of_a_partner_not_yet_registered() {
        String squatter = "squatter-" + UUID.randomUUID();
        String newcomer = "newcomer-" + UUID.randomUUID().toString().substring(0, 8);
        LedgerClient operator = LedgerClient.operator(http);
        LedgerClient mallory = operator.registerPartner(squatter, "\"Silver Core\"");
        for (String id : new String[]{newcomer, "gtm:" + newcomer, newcomer + ":vs:1", "go-to-market"}) {
            ResponseEntity<JsonNode> taken = mallory.purchase("/partners/" + squatter + "/packages",
                    PACKAGE.replace("\"shared\"", "\"" + id + "\""));
            assertThat(taken.getStatusCode().value()).as(id + ": " + taken.getBody()).isIn(201, 409);
        }

        LedgerClient newAdmin = operator.registerPartner(newcomer, "\"Silver Core\"");
        assertThat(newAdmin.purchase("/partners/" + newcomer + "/packages", PACKAGE.replace("\"shared\"", "\"" + newcomer + "\""))
                .getStatusCode().value()).isEqualTo(201);
        await().untilAsserted(() -> assertThat(newAdmin.get("/partners/" + newcomer + "/go-to-market").get("offers"))
                .extracting(offer -> offer.get("offerId").asText()).containsExactly("silver-marketing-kit"));
        assertThat(newAdmin.post("/partners/" + newcomer + "/subscriptions/" + newcomer + ":vs:1/assignment",
                "{\"userId\": \"alice\"}").getStatusCode().value()).isEqualTo(200);
    }
}
