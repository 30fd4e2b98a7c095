package io.benefitledger.api.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory's roles follow the program over HTTP: the takeover and the self-promotion reported against the
 * service are refused and record nothing, and the partner level is the program operator's to set.
 */
@LedgerIntegrationTest
class DirectoryRolesTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_user_admin_can_neither_promote_himself_nor_demote_or_remove_the_global_admin() {
        String partner = "acme-" + UUID.randomUUID();
        LedgerClient alice = LedgerClient.operator(http).registerPartner(partner, "");
        alice.addUser("acme-ua", "USER_ADMIN");
        LedgerClient userAdmin = alice.as("acme-ua", "USER_ADMIN");
        long before = events();

        ResponseEntity<JsonNode> promoted = userAdmin.send(HttpMethod.PUT, "/partners/" + partner + "/users/acme-ua/roles",
                "{\"roles\": [\"GLOBAL_ADMIN\", \"USER_ADMIN\"]}");
        ResponseEntity<JsonNode> demoted = userAdmin.send(HttpMethod.PUT, "/partners/" + partner + "/users/alice/roles",
                "{\"roles\": [\"USER_ADMIN\"]}");
        ResponseEntity<JsonNode> removed = userAdmin.send(HttpMethod.DELETE, "/partners/" + partner + "/users/alice", null);

        assertThat(promoted.getStatusCode().value()).isEqualTo(403);
        assertThat(promoted.getBody().get("rule").asText()).isEqualTo("own-roles");
        assertThat(promoted.getBody().get("detail").asText())
                .isEqualTo("user acme-ua may not change their own roles; another Global admin or User admin must");
        assertThat(demoted.getStatusCode().value()).isEqualTo(403);
        assertThat(demoted.getBody().get("detail").asText()).contains("only a Global admin may");
        assertThat(removed.getStatusCode().value()).isEqualTo(403);
        assertThat(events()).as("nothing was recorded").isEqualTo(before);
        assertThat(alice.send(HttpMethod.PUT, "/partners/" + partner + "/company-account-email",
                "{\"email\": \"it@" + partner + ".example\"}").getStatusCode().value())
                .as("the real Global admin still acts as one").isEqualTo(200);
    }

    @Test
    void a_global_admin_cannot_raise_his_own_partner_level_and_the_next_purchase_grants_only_what_the_program_gave() {
        String partner = "smallco-" + UUID.randomUUID();
        LedgerClient operator = LedgerClient.operator(http);
        LedgerClient alice = operator.registerPartner(partner, "\"Silver Core\"");

        ResponseEntity<JsonNode> raised = alice.send(HttpMethod.PUT, "/partners/" + partner + "/qualifications",
                "{\"qualifications\": [\"Gold Core\", \"ISV Co-sell ready\"], \"reason\": \"we deserve it\"}");
        long position = alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "pkg-%s", "packageType": "Action Pack",
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio", "seats": 1}]}""".formatted(partner))
                .getBody().get("position").asLong();

        assertThat(raised.getStatusCode().value()).isEqualTo(403);
        assertThat(offers(alice, partner, position)).containsExactly("silver-marketing-kit");
    }

    @Test
    void the_program_operator_sets_the_partner_level_and_the_change_records_who_and_why() throws IOException {
        String partner = "risingco-" + UUID.randomUUID();
        LedgerClient operator = LedgerClient.operator(http);
        LedgerClient alice = operator.registerPartner(partner, "\"Silver Core\"");

        ResponseEntity<JsonNode> raised = operator.send(HttpMethod.PUT, "/partners/" + partner + "/qualifications",
                "{\"qualifications\": [\"Gold Core\"], \"reason\": \"Gold competency attained, program case 4711\"}");
        long position = alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "pkg-%s", "packageType": "Gold Core",
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio", "seats": 1}]}""".formatted(partner))
                .getBody().get("position").asLong();

        assertThat(raised.getStatusCode().value()).as(String.valueOf(raised.getBody())).isEqualTo(200);
        JsonNode recorded = new ObjectMapper().readTree(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where payload_type = 'io.benefitledger.partner.QualificationsChanged' and payload_revision = '2'
                  and convert_from(payload, 'UTF8') like ?""", String.class, "%" + partner + "%"));
        assertThat(recorded.at("/changedBy/value").asText()).isEqualTo("operator");
        assertThat(recorded.get("reason").asText()).isEqualTo("Gold competency attained, program case 4711");
        assertThat(offers(alice, partner, position)).containsExactlyInAnyOrder("silver-marketing-kit", "gold-campaign-in-a-box");
    }

    @Test
    void a_change_of_partner_level_without_a_reason_is_refused() {
        String partner = "noreason-" + UUID.randomUUID();
        LedgerClient operator = LedgerClient.operator(http);
        operator.registerPartner(partner, "");

        ResponseEntity<JsonNode> refused = operator.send(HttpMethod.PUT, "/partners/" + partner + "/qualifications",
                "{\"qualifications\": [\"Gold Core\"]}");

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().toString()).contains("reason");
    }

    @Test
    void an_employee_without_any_admin_role_joins_the_directory_and_receives_a_benefit() {
        String partner = "staff-" + UUID.randomUUID();
        LedgerClient alice = LedgerClient.operator(http).registerPartner(partner, "");
        alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "pkg-%s", "packageType": "Action Pack",
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio", "seats": 1}]}""".formatted(partner));

        ResponseEntity<JsonNode> added = alice.post("/partners/" + partner + "/users",
                "{\"userId\": \"erin\", \"displayName\": \"Erin\", \"email\": \"erin@" + partner + ".example\", \"roles\": []}");
        ResponseEntity<JsonNode> assigned = alice.post("/partners/" + partner + "/subscriptions/pkg-" + partner + ":vs:1/assignment",
                "{\"userId\": \"erin\"}");

        assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(201);
        assertThat(assigned.getStatusCode().value()).as(String.valueOf(assigned.getBody())).isEqualTo(200);
    }

    List<String> offers(LedgerClient client, String partner, long position) {
        List<String> offers = new ArrayList<>();
        client.get("/partners/" + partner + "/go-to-market?awaitPosition=" + position).get("offers")
                .forEach(offer -> offers.add(offer.get("offerId").asText()));
        return offers;
    }

    long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
