package io.benefitledger.api.ops;

import io.benefitledger.query.ReadSide;
import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the operator runs over HTTP: a projection rebuilt on demand with its progress, refused when another node
 * holds the processor; and a projection's poison event parked in its dead-letter queue, shown, and retried.
 */
@LedgerIntegrationTest
class OperationsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    PoisonedProjection poisoned;

    LedgerClient operator;
    LedgerClient alice;
    String partner;

    @BeforeEach
    void aPartner() {
        operator = LedgerClient.operator(http);
        partner = "ops-" + UUID.randomUUID();
        alice = operator.registerPartner(partner, "");
    }

    @Test
    void a_projection_is_rebuilt_on_demand_and_its_progress_is_visible_until_it_has_replayed_to_the_head() {
        String packageId = purchase("pkg-");
        long position = alice.post("/partners/" + partner + "/packages/" + packageId + "/software/office/keys",
                "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}").getBody().get("position").asLong();
        String tab = "/partners/" + partner + "/software?awaitPosition=" + position;
        JsonNode before = alice.get(tab);

        ResponseEntity<JsonNode> started = operator.post("/operations/processors/" + ReadSide.GROUP + "/rebuild", null);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getHeaders().getLocation()).hasToString("/operations/processors/" + ReadSide.GROUP);
        assertThat(started.getBody().at("/rebuild/target").asLong()).isGreaterThanOrEqualTo(position);

        JsonNode finished = await().atMost(Duration.ofSeconds(30)).until(
                () -> operator.get("/operations/processors/" + ReadSide.GROUP),
                status -> status.at("/rebuild/finishedAt").isTextual());
        assertThat(finished.at("/rebuild/reached").asLong()).isGreaterThanOrEqualTo(finished.at("/rebuild/target").asLong());
        assertThat(finished.at("/rebuild/eventsPerSecond").asDouble()).isPositive();
        assertThat(finished.get("segments").findValues("behindHead")).allMatch(behind -> behind.asLong() == 0);
        assertThat(alice.get(tab)).isEqualTo(before);
    }

    @Test
    void a_node_that_does_not_hold_every_segment_refuses_the_rebuild_and_clears_nothing() {
        String packageId = purchase("pkg-");
        // Both of the purchase's rows: the software one (the package's segment) and the cloud one (its subscription's).
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from benefit where package_id = ?", Long.class, packageId) == 2);
        String processorName = ReadSide.GROUP;
        StreamingEventProcessor processor = processing.eventProcessor(processorName, StreamingEventProcessor.class).orElseThrow();
        long rows = jdbc.queryForObject("select count(*) from benefit", Long.class);
        processor.shutDown();
        // Another node claims segment 1 (a claim is a fresh owner and timestamp on the token row).
        jdbc.update("update token_entry set owner = 'other-node', timestamp = ? where processor_name = ? and segment = 1",
                Instant.now().toString(), processorName);
        processor.start();
        try {
            ResponseEntity<JsonNode> refused = operator.post("/operations/processors/" + processorName + "/rebuild", null);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getBody().get("detail").asText()).contains("another node");
            assertThat(jdbc.queryForObject("select count(*) from benefit", Long.class)).isEqualTo(rows);
            assertThat(processor.isReplaying()).isFalse();
        } finally {
            jdbc.update("update token_entry set owner = null where processor_name = ? and segment = 1", processorName);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> processor.processingStatus().size() == 2);
    }

    @Test
    void a_poison_event_is_parked_with_its_aggregates_later_events_while_the_rest_goes_on_and_is_retried_after_a_fix() {
        String poison = purchase("poison-");
        alice.post("/partners/" + partner + "/packages/" + poison + "/software/office/keys",
                "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}");
        String healthy = purchase("pkg-");
        String poisonAggregate = partner + "/" + poison; // the operator sees the event store's identifier

        await().atMost(Duration.ofSeconds(15)).until(() -> poisoned.handled.containsKey(healthy));
        String deadLetters = "/operations/processors/" + PoisonedProjection.NAME + "/dead-letters";
        JsonNode parked = await().atMost(Duration.ofSeconds(15)).until(() -> operator.get(deadLetters),
                letters -> letters.findValuesAsText("aggregate").stream().filter(poisonAggregate::equals).count() == 2);
        List<JsonNode> ofPoison = java.util.stream.StreamSupport.stream(parked.spliterator(), false)
                .filter(letter -> letter.get("aggregate").asText().equals(poisonAggregate)).toList();
        assertThat(ofPoison).extracting(letter -> letter.get("type").asText())
                .containsExactly("PackagePurchased", "KeysRevealed");
        assertThat(ofPoison.get(0).get("causeMessage").asText()).contains("cannot project PackagePurchased of " + poison);
        assertThat(operator.get("/operations/processors/" + PoisonedProjection.NAME).get("deadLetters").asLong())
                .isGreaterThanOrEqualTo(2);
        assertThat(poisoned.handled).doesNotContainKey(poison);
        assertThat(alice.get("/partners/" + partner + "/software").get("rows").findValuesAsText("packageId"))
                .as("the other projections went on").contains(poison, healthy);

        poisoned.fix();
        JsonNode retried = operator.post("/operations/processors/" + PoisonedProjection.NAME + "/dead-letters/retry", null).getBody();
        assertThat(retried.get("sequencesHandled").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(retried.get("stillParked").asLong()).isZero();
        assertThat(poisoned.handled.get(poison)).containsExactly("PackagePurchased", "KeysRevealed");
    }

    @Test
    void only_the_operator_runs_operations_and_only_on_projections() {
        assertThat(alice.send(HttpMethod.POST, "/operations/processors/" + ReadSide.GROUP + "/rebuild", null)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(operator.send(HttpMethod.POST, "/operations/processors/package-benefits/rebuild", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(operator.send(HttpMethod.GET, "/operations/processors/nothing-like-it", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(operator.get("/operations/processors").fieldNames()).toIterable()
                .contains(ReadSide.GROUP).doesNotContain("package-benefits");
    }

    String purchase(String prefix) {
        String packageId = prefix + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<JsonNode> purchased = alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "%s", "packageType": "Action Pack",
                 "software": [{"productId": "office", "name": "Office", "keys": 3, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}],
                 "cloudUsage": [{"allocationId": "azure", "name": "Azure sponsorship"}]}""".formatted(packageId));
        assertThat(purchased.getStatusCode()).as(String.valueOf(purchased.getBody())).isEqualTo(HttpStatus.CREATED);
        return packageId;
    }
}
