package io.benefitledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone who rewrites an event and recomputes its aggregate's hash chain fools the chain check, but not a digest
 * taken before: its Merkle root over all chain heads no longer comes out the same.
 */
@LedgerIntegrationTest
class LedgerDigestTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_rewrite_with_recomputed_hashes_disagrees_with_an_earlier_digest() {
        String partner = "digest-" + UUID.randomUUID();
        String packageId = "pkg-" + UUID.randomUUID().toString().substring(0, 8);
        LedgerClient operator = LedgerClient.operator(http);
        LedgerClient alice = operator.registerPartner(partner, "");
        LedgerClient auditor = operator.reader("ada", "AUDITOR", partner);
        alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "%s", "packageType": "Action Pack",
                 "software": [{"productId": "office", "name": "Office", "keys": 3, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]}"""
                .formatted(packageId));
        ResponseEntity<JsonNode> digest = operator.post("/audit/digests", null);
        assertThat(digest.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String verification = "/audit/digests/" + digest.getBody().get("id").asLong() + "/verification";
        assertThat(operator.get(verification).get("matches").asBoolean()).isTrue();

        jdbc.update("""
                update domain_event_entry
                set payload = convert_to(replace(convert_from(payload, 'UTF8'), '"keys":3', '"keys":300'), 'UTF8')
                where split_part(aggregate_identifier, '/', 2) = ? and sequence_number = 0""", packageId);
        jdbc.execute("""
                do $$
                declare
                    e domain_event_entry;
                    previous bytea := '\\x'::bytea;
                begin
                    for e in select * from domain_event_entry where split_part(aggregate_identifier, '/', 2) = '%s' order by sequence_number loop
                        update event_hash set previous_hash = previous, hash = ledger_event_hash(previous, e)
                        where global_index = e.global_index;
                        previous := ledger_event_hash(previous, e);
                    end loop;
                end
                $$""".formatted(packageId));

        assertThat(auditor.get("/partners/" + partner + "/audit/verification?aggregate=" + packageId).get("intact").asBoolean())
                .as("the rewritten chain is consistent in itself").isTrue();
        JsonNode checked = operator.get(verification);
        assertThat(checked.get("matches").asBoolean()).isFalse();
        assertThat(checked.get("recomputedRoot").asText()).isNotEqualTo(checked.at("/digest/merkleRoot").asText());
    }

    @Test
    void the_operator_takes_and_verifies_digests_and_an_auditor_may_only_read_them() {
        LedgerClient auditor = LedgerClient.operator(http).reader("ada", "AUDITOR", "anyone");
        assertThat(auditor.send(HttpMethod.POST, "/audit/digests", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(auditor.send(HttpMethod.GET, "/audit/digests/1/verification", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(auditor.send(HttpMethod.GET, "/audit/digests", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        LedgerClient reporter = LedgerClient.operator(http).reader("rita", "REPORTING", "anyone");
        assertThat(reporter.send(HttpMethod.GET, "/audit/digests", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
