package io.benefitledger.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** A write based on what a client last saw is refused once the aggregate has moved on; two never both succeed. */
@LedgerIntegrationTest
class OptimisticConcurrencyTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    LedgerClient alice;
    String packageId = "occ-" + UUID.randomUUID();
    String reveal;

    @BeforeEach
    void purchase() {
        String partner = "occ-" + UUID.randomUUID();
        alice = LedgerClient.operator(http).registerPartner(partner, "");
        ResponseEntity<JsonNode> purchased = alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "%s", "packageType": "Action Pack",
                 "software": [{"productId": "office", "name": "Office", "keys": 5, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]}"""
                .formatted(packageId));
        assertThat(purchased.getHeaders().getETag()).isEqualTo("\"0\"");
        reveal = "/partners/" + partner + "/packages/" + packageId + "/software/office/keys";
    }

    ResponseEntity<JsonNode> revealIfMatch(String version) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setIfMatch("\"" + version + "\"");
        return alice.sendWith(headers, HttpMethod.POST, reveal, "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}");
    }

    long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where split_part(aggregate_identifier, '/', 2) = ?", Long.class, packageId);
    }

    @Test
    void a_write_against_the_version_last_read_succeeds_and_answers_the_new_version() {
        ResponseEntity<JsonNode> revealed = revealIfMatch("0");

        assertThat(revealed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revealed.getHeaders().getETag()).isEqualTo("\"1\"");
    }

    @Test
    void a_write_against_a_stale_version_is_refused_with_412_and_writes_nothing() {
        revealIfMatch("0");

        ResponseEntity<JsonNode> stale = revealIfMatch("0");

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(stale.getBody().get("detail").asText()).contains("is at version 1, not 0");
        assertThat(events()).isEqualTo(2);
    }

    @Test
    void a_stale_version_is_refused_with_412_before_any_rule_is_checked() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setIfMatch("\"0\"");
        assertThat(alice.sendWith(headers, HttpMethod.POST, reveal,
                "{\"language\": \"en-US\", \"operatingSystem\": \"x64\", \"count\": 5}").getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> staleOnExhausted = revealIfMatch("0");

        assertThat(staleOnExhausted.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(staleOnExhausted.getBody().get("detail").asText()).contains("is at version 1, not 0");
    }

    @Test
    void two_concurrent_writes_against_the_same_version_never_both_succeed() {
        List<CompletableFuture<ResponseEntity<JsonNode>>> writes = List.of(
                CompletableFuture.supplyAsync(() -> revealIfMatch("0")),
                CompletableFuture.supplyAsync(() -> revealIfMatch("0")));

        List<Integer> statuses = writes.stream().map(CompletableFuture::join).map(r -> r.getStatusCode().value()).toList();

        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses).containsAnyOf(409, 412);
        assertThat(events()).isEqualTo(2);
    }
}
