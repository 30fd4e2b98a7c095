package io.benefitledger.api;

import io.benefitledger.query.ReadSide;
import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators watch: health of the database and of each projection's processor, info and metrics. */
@LedgerIntegrationTest
// Spring Boot tests turn metrics export off unless asked.
@AutoConfigureObservability
class OperationsEndpointsTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void health_covers_the_database_and_every_event_processor_for_the_operator() {
        JsonNode health = LedgerClient.operator(http).get("/actuator/health");

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        JsonNode processors = health.at("/components/eventProcessors");
        assertThat(processors.get("status").asText()).isEqualTo("UP");
        for (String processor : new String[]{ReadSide.GROUP}) {
            assertThat(processors.at("/details/" + processor + "/running").asBoolean()).as(processor).isTrue();
        }
    }

    @Test
    void a_stranger_learns_up_or_down_and_nothing_else() {
        ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);

        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody().properties()).extracting(Map.Entry::getKey).containsExactly("status");
        assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
        assertThat(http.getForEntity("/actuator/health/db", String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void a_partner_admin_learns_no_more_than_a_stranger() {
        LedgerClient alice = LedgerClient.operator(http).registerPartner("health-" + UUID.randomUUID(), "");

        assertThat(alice.get("/actuator/health").properties()).extracting(Map.Entry::getKey).containsExactly("status");
    }

    @Test
    void metrics_and_info_are_for_the_program_operator_only() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.getForEntity("/actuator/info", String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void info_names_the_service_to_the_operator() {
        JsonNode info = LedgerClient.operator(http).get("/actuator/info");

        assertThat(info.get("service").asText()).isEqualTo("benefit ledger");
    }

    @Test
    void prometheus_metrics_include_the_connection_pool_requests_and_the_projections() {
        LedgerClient operator = LedgerClient.operator(http);
        operator.registerPartner("ops-" + UUID.randomUUID(), "");

        String metrics = operator.text("/actuator/prometheus");

        assertThat(metrics).contains("hikaricp_connections").contains("http_server_requests_seconds")
                .contains("ledger_processor_behind{processor=\"read-models\"}");
    }
}
