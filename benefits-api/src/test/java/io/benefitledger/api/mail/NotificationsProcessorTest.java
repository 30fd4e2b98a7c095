package io.benefitledger.api.mail;

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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notifications processor decides each mail once: in the transaction of its own token (a commit that fails leaves
 * neither the mail nor the token's move), from the head of the log when it first starts, and is never replayed.
 */
@LedgerIntegrationTest
class NotificationsProcessorTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    String partner = "notify-" + UUID.randomUUID().toString().substring(0, 8);
    LedgerClient alice;

    @BeforeEach
    void partnerWithASeat() {
        alice = LedgerClient.operator(http).registerPartner(partner, "");
        alice.addUser("dave", "ADMIN_AGENT");
        ResponseEntity<JsonNode> purchased = alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "pkg", "packageType": "Silver Core",
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 1}]}""");
        assertThat(purchased.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void a_commit_that_fails_leaves_neither_the_mail_nor_the_tokens_move_and_the_retry_stores_the_mail_once() {
        jdbc.execute("""
                create sequence refused_%1$s;
                create function refuse_mail_of_%1$s() returns trigger language plpgsql as $$
                begin perform nextval('refused_%1$s'); raise exception 'the test refuses this commit'; end $$;
                create constraint trigger refuse_mail_of_%1$s after insert on mail_outbox deferrable initially deferred
                for each row when (new.partner_id = '%2$s') execute function refuse_mail_of_%1$s()"""
                .formatted(partner.replace('-', '_'), partner));
        long position;
        try {
            position = assign();
            // a sequence counts the refused commits: it is not rolled back with them
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select is_called from refused_" + partner.replace('-', '_'), Boolean.class));
            // the batch holding the event was handled and its commit refused, at least once: still no mail, and the
            // segment that holds the event has not moved past it
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> mails().isEmpty());
            assertThat(lowestTokenPosition()).isLessThan(position);
        } finally {
            jdbc.execute(("drop trigger refuse_mail_of_%1$s on mail_outbox; drop function refuse_mail_of_%1$s();"
                          + " drop sequence refused_%1$s").formatted(partner.replace('-', '_')));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> !mails().isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> lowestTokenPosition() >= position);
        assertThat(mails()).containsExactly("seat-assigned");
    }

    @Test
    void started_afresh_it_begins_at_the_head_and_it_is_never_replayed() {
        StreamingEventProcessor processor = notifications();
        long before;
        processor.shutDown();
        try {
            jdbc.update("delete from token_entry where processor_name = ?", Notifications.GROUP);
            before = assign();
        } finally {
            processor.start();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> lowestTokenPosition() >= before);

        ResponseEntity<JsonNode> removed = alice.send(HttpMethod.DELETE, "/partners/" + partner + "/subscriptions/pkg:vs:1/assignment", null);
        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(20)).until(() -> !mails().isEmpty());
        assertThat(mails()).as("the assignment recorded before it started is history, not mailed").containsExactly("seat-removed");

        assertThat(processor.supportsReset()).as("a replay would decide the history's mails again").isFalse();
        ResponseEntity<JsonNode> rebuild = LedgerClient.operator(http).post("/operations/processors/" + Notifications.GROUP + "/rebuild", null);
        assertThat(rebuild.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(rebuild.getBody().get("type").asText()).endsWith("/processor-not-rebuildable");
        assertThat(processor.isRunning()).isTrue();
    }

    long assign() {
        ResponseEntity<JsonNode> assigned = alice.post("/partners/" + partner + "/subscriptions/pkg:vs:1/assignment",
                "{\"userId\": \"dave\"}");
        assertThat(assigned.getStatusCode()).as(String.valueOf(assigned.getBody())).isEqualTo(HttpStatus.OK);
        return assigned.getBody().get("position").asLong();
    }

    List<String> mails() {
        return jdbc.queryForList("select template from mail_outbox where partner_id = ? order by mail_id", String.class, partner);
    }

    StreamingEventProcessor notifications() {
        return processing.eventProcessor(Notifications.GROUP, StreamingEventProcessor.class).orElseThrow();
    }

    /**
     * How far the processor's slowest segment has come, as its token store says (-1 before a segment has a token,
     * and while it replays: its token is then a replay token, not a position).
     */
    long lowestTokenPosition() {
        return jdbc.queryForObject("""
                select coalesce(min(coalesce((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint, -1)), -1) from token_entry
                where processor_name = ?""", Long.class, Notifications.GROUP);
    }
}
