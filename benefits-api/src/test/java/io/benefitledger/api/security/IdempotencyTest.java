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

/** A command retried with its Idempotency-Key returns the first answer and is recorded once. */
@LedgerIntegrationTest
class IdempotencyTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    LedgerClient alice;
    String packages;

    @BeforeEach
    void registerPartner() {
        String partner = "idem-" + UUID.randomUUID();
        alice = LedgerClient.operator(http).registerPartner(partner, "");
        packages = "/partners/" + partner + "/packages";
    }

    ResponseEntity<JsonNode> send(String key, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", key);
        return path.equals(packages) ? alice.purchaseWith(headers, path, body)
                : alice.sendWith(headers, HttpMethod.POST, path, body);
    }

    static String purchase(String packageId) {
        return """
                {"packageId": "%s", "packageType": "Action Pack",
                 "software": [{"productId": "office", "name": "Office", "keys": 5, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]}"""
                .formatted(packageId);
    }

    long eventsOf(String aggregate) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where split_part(aggregate_identifier, '/', 2) = ?", Long.class, aggregate);
    }

    @Test
    void a_retried_reveal_returns_the_same_keys_and_reveals_nothing_more() {
        send("buy-1", packages, purchase("idem-pkg"));
        String reveal = packages + "/idem-pkg/software/office/keys";

        ResponseEntity<JsonNode> first = send("reveal-1", reveal, "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}");
        ResponseEntity<JsonNode> retried = send("reveal-1", reveal, "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody()).isEqualTo(first.getBody());
        assertThat(retried.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventsOf("idem-pkg")).isEqualTo(2);
    }

    @Test
    void a_retried_command_repeats_the_version_and_location_of_its_first_answer() {
        ResponseEntity<JsonNode> bought = send("buy-5", packages, purchase("idem-e"));
        ResponseEntity<JsonNode> boughtAgain = send("buy-5", packages, purchase("idem-e"));
        String reveal = packages + "/idem-e/software/office/keys";
        ResponseEntity<JsonNode> revealed = send("reveal-5", reveal, "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}");
        ResponseEntity<JsonNode> revealedAgain = send("reveal-5", reveal, "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}");

        assertThat(boughtAgain.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(boughtAgain.getHeaders().getLocation()).isEqualTo(bought.getHeaders().getLocation())
                .hasPath(packages + "/idem-e");
        assertThat(boughtAgain.getHeaders().getETag()).isEqualTo(bought.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(revealedAgain.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(revealedAgain.getHeaders().getETag()).isEqualTo(revealed.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(eventsOf("idem-e")).isEqualTo(2);
    }

    @Test
    void the_same_key_for_a_different_request_is_refused() {
        send("buy-2", packages, purchase("idem-a"));

        ResponseEntity<JsonNode> reused = send("buy-2", packages, purchase("idem-b"));

        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(eventsOf("idem-b")).isZero();
    }

    @Test
    void a_refused_command_leaves_its_key_free_for_a_corrected_retry() {
        send("buy-3", packages, purchase("idem-c"));
        String reveal = packages + "/idem-c/software/office/keys";

        ResponseEntity<JsonNode> refused = send("reveal-3", reveal, "{\"language\": \"fr-FR\", \"operatingSystem\": \"x64\"}");
        ResponseEntity<JsonNode> again = send("reveal-3", reveal, "{\"language\": \"fr-FR\", \"operatingSystem\": \"x64\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(again.getHeaders().containsKey("Idempotent-Replayed")).isFalse();
        assertThat(eventsOf("idem-c")).isEqualTo(1);
    }

    @Test
    void two_concurrent_sends_of_one_command_record_it_once_and_answer_alike() {
        List<CompletableFuture<ResponseEntity<JsonNode>>> sends = List.of(
                CompletableFuture.supplyAsync(() -> send("buy-4", packages, purchase("idem-d"))),
                CompletableFuture.supplyAsync(() -> send("buy-4", packages, purchase("idem-d"))));

        List<ResponseEntity<JsonNode>> answers = sends.stream().map(CompletableFuture::join).toList();

        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED));
        assertThat(answers.get(0).getBody()).isEqualTo(answers.get(1).getBody());
        assertThat(eventsOf("idem-d")).isEqualTo(1);
    }
}
