package io.benefitledger.api.axon;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node's cached aggregate that another node's write has passed by is never decided on. The other node's write is
 * made behind the cache's back: the aggregate's entry is taken out, a command is handled from the store, and the old
 * entry is put back, as this node would hold it had the command gone to another node.
 */
@LedgerIntegrationTest
class AggregateCacheTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AggregateCache cache;

    LedgerClient admin;
    String partner = "cache-" + UUID.randomUUID();

    @BeforeEach
    void register() {
        admin = LedgerClient.operator(http).registerPartner(partner, "");
    }

    @Test
    void a_command_is_decided_on_the_state_another_node_left_not_on_the_stale_cached_one() {
        String aggregate = purchase("two-keys", 2);
        staleAfterAnotherNodesReveal(aggregate, "two-keys");

        ResponseEntity<JsonNode> revealed = reveal("two-keys", "1");

        assertThat(revealed.getStatusCode().value()).as("the client's If-Match names the version another node answered")
                .isEqualTo(200);
        assertThat(revealed.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(events("two-keys")).isEqualTo(3);
    }

    @Test
    void a_stale_cached_state_never_acknowledges_a_write_the_current_state_refuses() {
        String aggregate = purchase("one-key", 1);
        staleAfterAnotherNodesReveal(aggregate, "one-key");

        ResponseEntity<JsonNode> revealed = reveal("one-key", null);

        assertThat(revealed.getStatusCode().value()).as("the only key was revealed through the other node").isEqualTo(422);
        assertThat(revealed.getBody().get("type").asText()).endsWith("/keys-exhausted");
        assertThat(events("one-key")).isEqualTo(2);
    }

    @Test
    void an_aggregate_is_kept_between_commands() {
        String aggregate = purchase("kept", 2);

        assertThat(cache.containsKey(aggregate)).isTrue();
        assertThat(reveal("kept", "0").getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(cache.containsKey(aggregate)).isTrue();
    }

    String purchase(String packageId, int keys) {
        ResponseEntity<JsonNode> purchased = admin.purchase("/partners/" + partner + "/packages", """
                {"packageId": "%s", "packageType": "Action Pack",
                 "software": [{"productId": "office", "name": "Office", "keys": %d, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]}"""
                .formatted(packageId, keys));
        assertThat(purchased.getStatusCode().value()).isEqualTo(201);
        return partner + "/" + packageId;
    }

    /** This node holds the package as purchased (version 0) while the store holds a key revealed (version 1). */
    void staleAfterAnotherNodesReveal(String aggregate, String packageId) {
        Object asPurchased = cache.get(aggregate);
        assertThat(asPurchased).isNotNull();
        cache.remove(aggregate);
        ResponseEntity<JsonNode> elsewhere = reveal(packageId, "0");
        assertThat(elsewhere.getHeaders().getETag()).isEqualTo("\"1\"");
        cache.put(aggregate, asPurchased);
    }

    ResponseEntity<JsonNode> reveal(String packageId, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            headers.setIfMatch("\"" + ifMatch + "\"");
        }
        return admin.sendWith(headers, HttpMethod.POST, "/partners/" + partner + "/packages/" + packageId + "/software/office/keys",
                "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}");
    }

    long events(String packageId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class,
                partner + "/" + packageId);
    }
}
