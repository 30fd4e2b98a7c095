package io.benefitledger.api;

import io.benefitledger.query.ReadSide;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every projection can be rebuilt from the event store: its reset handler clears exactly its own tables, and a
 * replay of the whole history gives the same rows, row for row.
 */
@LedgerIntegrationTest
class ProjectionRebuildTest {

    static final Map<String, List<String>> TABLES = Map.of(ReadSide.GROUP,
            List.of("benefit", "utilisation", "gtm_contact", "gtm_offer", "refund_eligibility"));

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;

    @Test
    void every_projection_rebuilt_from_the_event_store_gives_the_same_rows() {
        recordAHistoryTouchingEveryTab();
        long head = eventStore.createHeadToken().position().orElseThrow();
        TABLES.keySet().forEach(processor -> awaitCaughtUp(processor, head));
        Map<String, List<Map<String, Object>>> before = contents();

        TABLES.keySet().forEach(name -> {
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        });
        TABLES.keySet().forEach(processor -> awaitCaughtUp(processor, head));

        Map<String, List<Map<String, Object>>> after = contents();
        before.forEach((table, rows) -> {
            assertThat(rows).as(table + " before the rebuild").isNotEmpty();
            assertThat(after.get(table)).as(table).containsExactlyElementsOf(rows);
        });
    }

    void recordAHistoryTouchingEveryTab() {
        String partner = "rebuild-" + UUID.randomUUID();
        LedgerClient operator = LedgerClient.operator(http);
        LedgerClient alice = operator.registerPartner(partner, "\"Silver Core\"");
        alice.addUser("dave", "ADMIN_AGENT");
        String packages = "/partners/" + partner + "/packages";
        alice.purchase(packages, """
                {"packageId": "pkg-all", "packageType": "Silver Core",
                 "software": [{"productId": "office", "name": "Office", "keys": 2, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}],
                 "cloudUsage": [{"allocationId": "azure", "name": "Azure sponsorship"}],
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 2}],
                 "technical": [{"allocationId": "advisory", "name": "Advisory hours", "quantity": 8, "unit": "HOUR"}]}""");
        alice.post(packages + "/pkg-all/software/office/keys", "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}");
        String subscriptions = "/partners/" + partner + "/subscriptions/pkg-all:";
        alice.post(subscriptions + "vs:1/assignment", "{\"userId\": \"dave\"}");
        alice.post(subscriptions + "azure/assignment", "{\"userId\": \"alice\"}");
        alice.post(subscriptions + "advisory/assignment", "{\"userId\": \"dave\", \"alternativeEmail\": \"d@mail.example\"}");
        operator.post(subscriptions + "advisory/fulfilment", "{\"fulfilmentReference\": \"F-1\"}");
        alice.post(subscriptions + "advisory/draws", "{\"phase\": \"PRESALES\", \"description\": \"demo\", \"amount\": 3}");
        alice.send(org.springframework.http.HttpMethod.PUT, "/partners/" + partner + "/go-to-market/contact", """
                {"userId": "alice", "alternativeEmail": "alice@agency.example", "phone": "+14255550100", "preferredLanguage": "en-US"}""");
        alice.post("/partners/" + partner + "/go-to-market/offers/silver-marketing-kit/activation", null);
    }

    void awaitCaughtUp(String name, long head) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> !processor.isReplaying()
                && processor.processingStatus().size() == 2
                && processor.processingStatus().values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
    }

    Map<String, List<Map<String, Object>>> contents() {
        Map<String, List<Map<String, Object>>> contents = new java.util.TreeMap<>();
        // utilisation is kept by the four benefit tabs together, each for its own category
        java.util.stream.Stream.concat(TABLES.values().stream().flatMap(List::stream), java.util.stream.Stream.of("utilisation")).forEach(table ->
                contents.put(table, jdbc.query("select * from " + table + " order by 1, 2, 3", (row, index) -> {
                    Map<String, Object> values = new java.util.TreeMap<>();
                    for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                        Object value = row.getObject(column);
                        // text[] columns come back as driver objects without value equality
                        values.put(row.getMetaData().getColumnName(column),
                                value instanceof java.sql.Array array ? List.of((Object[]) array.getArray()) : value);
                    }
                    return values;
                })));
        return contents;
    }
}
