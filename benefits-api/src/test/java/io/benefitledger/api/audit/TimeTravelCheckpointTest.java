package io.benefitledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Time travel over a long history starts from checkpoints, made in the background as events are recorded and by
 * replays as they pass them, and what it rebuilds from them is exactly what a replay from the first event gives. A
 * checkpoint every 3 events stands in for every 500.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = "ledger.audit.checkpoint-every=3")
class TimeTravelCheckpointTest {

    static final int REVEALS = 10;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_instant_is_rebuilt_from_the_latest_checkpoint_recorded_by_then_to_the_same_state_as_from_the_first_event() {
        String partner = "checkpoints-" + UUID.randomUUID();
        String packageId = "long-history";
        LedgerClient operator = LedgerClient.operator(http);
        LedgerClient alice = operator.registerPartner(partner, "");
        LedgerClient auditor = operator.reader("ada", "AUDITOR", partner);
        alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "%s", "packageType": "Action Pack",
                 "software": [{"productId": "office", "name": "Office", "keys": 50, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]}"""
                .formatted(packageId));
        for (int reveal = 0; reveal < REVEALS; reveal++) {
            alice.post("/partners/" + partner + "/packages/" + packageId + "/software/office/keys",
                    "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}");
        }
        List<Instant> recorded = new ArrayList<>();
        auditor.get("/partners/" + partner + "/audit/events?aggregate=" + packageId).get("events")
                .forEach(event -> recorded.add(Instant.parse(event.get("recordedAt").asText())));
        assertThat(recorded).hasSize(REVEALS + 1);
        String asOf = "/partners/" + partner + "/audit/aggregates/" + packageId + "?at=";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(checkpoints(packageId))
                .as("made in the background as the events were recorded").containsExactly(2L, 5L, 8L));

        List<JsonNode> fromTheFirstEvent = new ArrayList<>();
        for (Instant at : recorded) {
            jdbc.update("delete from audit_checkpoint where split_part(aggregate_identifier, '/', 2) = ?", packageId);
            JsonNode replayed = auditor.get(asOf + at);
            assertThat(replayed.get("startedFrom").asText()).isEqualTo("first-event");
            fromTheFirstEvent.add(replayed);
        }
        assertThat(checkpoints(packageId)).as("the last replay passed them").containsExactly(2L, 5L, 8L);

        for (int event = 0; event < recorded.size(); event++) {
            JsonNode fromACheckpoint = auditor.get(asOf + recorded.get(event));
            JsonNode expected = fromTheFirstEvent.get(event);
            long version = expected.get("version").asLong();
            if (version >= 3) {
                assertThat(fromACheckpoint.get("startedFrom").asText()).as("as of event " + event).isEqualTo("checkpoint");
                assertThat(version - fromACheckpoint.get("eventsApplied").asLong())
                        .as("the checkpoint it started from").isIn(2L, 5L, 8L).isGreaterThan(version - 3);
            }
            assertThat(fromACheckpoint.get("version")).isEqualTo(expected.get("version"));
            assertThat(fromACheckpoint.get("lastEvent")).isEqualTo(expected.get("lastEvent"));
            assertThat(fromACheckpoint.get("state")).as("as of event " + event).isEqualTo(expected.get("state"));
        }
    }

    List<Long> checkpoints(String aggregate) {
        return jdbc.queryForList("select sequence_number from audit_checkpoint where split_part(aggregate_identifier, '/', 2) = ? order by 1",
                Long.class, aggregate);
    }
}
