package io.benefitledger.api.mail;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's view of the mails on the embedded default, with no mail server configured: every mail is decided
 * and kept, shown as "not sent: no mail server", and nothing but a parked mail is retried or discarded.
 */
@LedgerIntegrationTest
class MailOperationsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailDelivery delivery;

    String partner = "ops-mail-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void without_a_mail_server_mails_wait_in_the_outbox_and_the_operator_sees_why() {
        LedgerClient alice = LedgerClient.operator(http).registerPartner(partner, "");
        alice.addUser("dave", "ADMIN_AGENT");
        assertThat(alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "pkg", "packageType": "Silver Core",
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 1}]}""")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(alice.post("/partners/" + partner + "/subscriptions/pkg:vs:1/assignment", "{\"userId\": \"dave\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from mail_outbox where partner_id = ?", Long.class, partner) == 1);

        assertThat(delivery.sending()).isFalse();
        assertThat(delivery.sendDue(java.time.Instant.now().plus(Duration.ofDays(1)))).isZero();
        LedgerClient operator = LedgerClient.operator(http);
        JsonNode pending = operator.get("/operations/mail?status=PENDING&size=500");
        assertThat(pending.get("sending").asBoolean()).isFalse();
        JsonNode mail = null;
        for (JsonNode row : pending.get("rows")) {
            if (row.get("partnerId").asText().equals(partner)) {
                mail = row;
            }
        }
        assertThat(mail).isNotNull();
        assertThat(mail.get("delivery").asText()).isEqualTo("not sent: no mail server");
        assertThat(mail.get("template").asText()).isEqualTo("seat-assigned");
        assertThat(mail.get("language").asText()).isEqualTo("en-US");
        assertThat(mail.get("recipients").get(0).asText()).isEqualTo("dave@" + partner + ".example");
        assertThat(mail.get("subject").asText()).isEqualTo("Visual Studio subscription Visual Studio Enterprise assigned to you");
        assertThat(mail.has("textBody")).isFalse();

        ResponseEntity<JsonNode> notParked = operator.post("/operations/mail/" + mail.get("mailId").asLong() + "/retry", null);
        assertThat(notParked.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(notParked.getBody().get("type").asText()).endsWith("/mail-not-parked");
        assertThat(operator.post("/operations/mail/" + mail.get("mailId").asLong() + "/discard", null).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(operator.get("/operations/mail/" + mail.get("mailId").asLong()).get("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void bad_input_and_strangers_are_refused_with_problem_details() {
        LedgerClient operator = LedgerClient.operator(http);
        ResponseEntity<JsonNode> unknownStatus = operator.send(HttpMethod.GET, "/operations/mail?status=LOST", null);
        assertThat(unknownStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownStatus.getBody().get("type").asText()).endsWith("/invalid-request");
        assertThat(operator.send(HttpMethod.GET, "/operations/mail?size=0", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> missing = operator.post("/operations/mail/987654321/retry", null);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody().get("type").asText()).endsWith("/not-found");
        assertThat(operator.send(HttpMethod.GET, "/operations/mail/not-a-number", null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        LedgerClient admin = LedgerClient.user(http, "alice", partner, "GLOBAL_ADMIN");
        assertThat(admin.send(HttpMethod.GET, "/operations/mail", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
