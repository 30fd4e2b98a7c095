package io.benefitledger.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event records who caused it, for which partner, and through which request, beside Axon's own ids. */
@LedgerIntegrationTest
class EventMetadataTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_purchase_and_the_seats_its_policy_opens_record_the_caller_and_the_request() throws IOException {
        String partner = "meta-" + UUID.randomUUID();
        LedgerClient alice = LedgerClient.operator(http).registerPartner(partner, "");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Request-Id", "req-42");

        ResponseEntity<JsonNode> purchased = alice.purchaseWith(headers, "/partners/" + partner + "/packages", """
                {"packageId": "meta-pkg", "packageType": "Action Pack",
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio", "seats": 1}]}""");

        assertThat(purchased.getHeaders().getFirst("X-Request-Id")).isEqualTo("req-42");
        List<JsonNode> metadata = jdbc.query("""
                        select meta_data from domain_event_entry
                        where split_part(aggregate_identifier, '/', 2) in ('meta-pkg', 'meta-pkg:vs:1') order by global_index""",
                (row, index) -> read(row.getBytes(1)));
        assertThat(metadata).hasSize(2).allSatisfy(event -> {
            assertThat(event.get("actingUser").asText()).isEqualTo("alice");
            assertThat(event.get("actingPartner").asText()).isEqualTo(partner);
            assertThat(event.get("requestId").asText()).isEqualTo("req-42");
            assertThat(event.has("correlationId")).isTrue();
            assertThat(event.has("traceId")).isTrue();
        });
        assertThat(metadata.get(1).get("traceId")).isEqualTo(metadata.get(0).get("traceId"));
    }

    static JsonNode read(byte[] json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
