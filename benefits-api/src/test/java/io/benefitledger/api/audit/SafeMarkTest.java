package io.benefitledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Readers ordered by position stop at the safe position: below it, every event that will ever be recorded is.
 * An event that commits after one at a higher position is not skipped by a reader that resumes after what it read.
 */
@LedgerIntegrationTest
class SafeMarkTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    SafeMark safeMark;
    @Autowired
    EventProcessingConfiguration processing;

    final ObjectMapper json = new ObjectMapper();

    /** The warehouse loader of the report: a purchase of 500 seats (the most one may open) commits behind small commands at higher positions. */
    @RepeatedTest(3)
    void a_log_reader_resuming_from_its_last_position_misses_nothing_and_repeats_nothing() throws Exception {
        String partner = "loader-" + UUID.randomUUID();
        LedgerClient alice = LedgerClient.operator(http).registerPartner(partner, "");
        LedgerClient auditor = LedgerClient.operator(http).reader("ada", "AUDITOR", partner);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> read = new ArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            long next = 0;
            boolean lastRound = false;
            while (!lastRound) {
                lastRound = !writing.get() && safeMark.position() >= head();
                for (JsonNode event : log(auditor, partner, next)) {
                    read.add(event.get("eventId").asText());
                    next = event.get("position").asLong() + 1;
                }
                sleep(5);
            }
        });
        CompletableFuture<Void> purchase = CompletableFuture.runAsync(() -> assertThat(alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "big", "packageType": "Gold Core",
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 500}]}""")
                .getStatusCode().value()).isEqualTo(201));
        int small = 0;
        while (!purchase.isDone()) {
            alice.addUser("user-" + small++, "ADMIN_AGENT");
        }
        purchase.join();
        writing.set(false);
        reader.get();

        List<String> recorded = jdbc.queryForList(
                "select event_identifier from domain_event_entry where partner_id = ? order by global_index", String.class, partner);
        assertThat(interleaved(partner)).as("small commands took positions among the purchase's while it ran").isTrue();
        assertThat(read).as("every event once, in recorded order").containsExactlyElementsOf(recorded);
    }

    @Test
    void the_mark_stays_below_a_position_whose_transaction_is_still_open_and_passes_it_once_committed() throws Exception {
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            long held = insertEvent(open);
            long later = insertEvent(null);
            assertThat(later).isGreaterThan(held);
            assertThat(safeMark.position()).as("an event may still appear at " + held).isLessThan(held);
            open.commit();
            // other tests' rolled-back commands may have left gaps of their own that settle in their time
            await().atMost(Duration.ofSeconds(20)).until(() -> safeMark.position() >= later);
        }
    }

    @Test
    void a_position_whose_transaction_rolled_back_is_passed_once_no_transaction_that_may_hold_it_is_open() throws Exception {
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            long held = insertEvent(open);
            long later = insertEvent(null);
            assertThat(safeMark.position()).isLessThan(held);
            open.rollback();
            // at once when nothing older is open; within the settling period whatever else is
            await().atMost(Duration.ofSeconds(20)).until(() -> safeMark.position() >= later);
        }
    }

    @Test
    void a_transaction_that_records_events_past_its_deadline_is_rolled_back() throws Exception {
        try (Connection late = dataSource.getConnection()) {
            late.setAutoCommit(false);
            try (Statement statement = late.createStatement()) {
                statement.execute("set local ledger.commit_deadline = '200 milliseconds'");
            }
            long position = insertEvent(late);
            sleep(300);
            assertThatThrownBy(late::commit).isInstanceOf(SQLException.class).hasMessageContaining("deadline");
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where global_index = ?", Long.class, position))
                    .isZero();
        }
    }

    @Test
    void digests_taken_while_events_are_recorded_all_verify() throws Exception {
        String partner = "digests-" + UUID.randomUUID();
        LedgerClient operator = LedgerClient.operator(http);
        LedgerClient alice = operator.registerPartner(partner, "");
        AtomicBoolean writing = new AtomicBoolean(true);
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            writers.add(CompletableFuture.runAsync(() -> {
                for (int n = 0; writing.get(); n++) {
                    alice.purchase("/partners/" + partner + "/packages", """
                            {"packageId": "p-%d-%d", "packageType": "Action Pack",
                             "visualStudio": [{"allocationId": "vs", "name": "VS", "seats": %d}]}"""
                            .formatted(writer, n, 1 + n % 5));
                }
            }));
        }
        List<Long> digests = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ResponseEntity<JsonNode> taken = operator.post("/audit/digests", null);
            digests.add(taken.getBody().get("id").asLong());
            sleep(10);
        }
        writing.set(false);
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();

        for (long digest : digests) {
            assertThat(operator.get("/audit/digests/" + digest + "/verification").get("matches").asBoolean())
                    .as("digest " + digest).isTrue();
        }
    }

    /** The projections catch up before the next test class asks them for its own writes. */
    @AfterEach
    void projectionsCatchUp() {
        long head = head();
        processing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .forEach(processor -> await().atMost(Duration.ofSeconds(60)).until(() -> processor.processingStatus().values()
                        .stream().allMatch(status -> status.getCurrentPosition().orElse(-1) >= head)));
    }

    List<JsonNode> log(LedgerClient reader, String partner, long from) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(reader.token());
        ResponseEntity<String> answer = http.exchange("/partners/" + partner + "/audit/log?from=" + from, HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getFirst("Ledger-Safe-Position")).isNotNull();
        List<JsonNode> events = new ArrayList<>();
        if (answer.getBody() != null) {
            for (String line : answer.getBody().split("\n")) {
                if (!line.isBlank()) {
                    try {
                        events.add(json.readTree(line));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return events;
    }

    boolean interleaved(String partner) {
        return jdbc.queryForObject("""
                select exists (select 1 from domain_event_entry u, domain_event_entry p
                               where u.partner_id = ? and p.partner_id = ? and u.payload_type like '%.UserAdded'
                                 and p.payload_type like '%.SubscriptionOpened' and u.global_index < p.global_index
                                 and u.inserted_at < p.inserted_at
                                 and u.global_index > (select min(global_index) from domain_event_entry
                                                       where partner_id = ? and payload_type like '%.PackagePurchased'))""",
                Boolean.class, partner, partner, partner);
    }

    long head() {
        return jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
    }

    /** An event of an aggregate of its own, at the next position: in {@code transaction}, or committed at once. */
    long insertEvent(Connection transaction) throws SQLException {
        try (Connection own = transaction == null ? dataSource.getConnection() : null) {
            Connection connection = transaction == null ? own : transaction;
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                        type, time_stamp, payload_type, payload_revision, payload, meta_data)
                    values (nextval('domain_event_entry_seq'), ?, ?, 0, 'Test', ?, 'test.Marked', '1', '{}'::bytea, '{}'::bytea)
                    returning global_index""")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, "mark-" + UUID.randomUUID() + "/x");
                insert.setString(3, Instant.now().toString());
                var result = insert.executeQuery();
                result.next();
                return result.getLong(1);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
