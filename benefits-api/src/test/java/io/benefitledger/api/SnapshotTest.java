package io.benefitledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.FreshDatabase;
import io.benefitledger.testsupport.LedgerClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Aggregates are snapshotted, and one loaded from its snapshot decides exactly as one replayed from all events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ledger.snapshots.after-events=2")
@ContextConfiguration(initializers = FreshDatabase.class)
class SnapshotTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_package_loaded_from_its_snapshot_still_knows_how_many_keys_are_left() {
        String partner = "snap-" + UUID.randomUUID();
        LedgerClient alice = LedgerClient.operator(http).registerPartner(partner, "");
        String packages = "/partners/" + partner + "/packages";
        alice.purchase(packages, """
                {"packageId": "pkg-snap", "packageType": "Action Pack",
                 "software": [{"productId": "office", "name": "Office", "keys": 4, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]}""");
        String reveal = packages + "/pkg-snap/software/office/keys";
        for (int i = 0; i < 3; i++) {
            assertThat(alice.post(reveal, "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}").getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }

        // taken after the command's commit, on the snapshotter's own thread
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from snapshot_event_entry where aggregate_identifier like '%/pkg-snap'", Long.class))
                .isPositive());
        ResponseEntity<JsonNode> tooMany = alice.post(reveal, "{\"language\": \"en-US\", \"operatingSystem\": \"x64\", \"count\": 2}");
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(tooMany.getBody().get("detail").asText()).contains("has 1 of its 4 license keys left");
        assertThat(alice.post(reveal, "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
