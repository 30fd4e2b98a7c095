package io.benefitledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A query parameter an endpoint does not take is refused and named, never silently ignored. */
@LedgerIntegrationTest
class UnknownParametersTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    LedgerClient operator;
    LedgerClient alice;
    LedgerClient rita;
    String partner;
    String packageId;
    long purchasedAt;

    @BeforeEach
    void aPartnerWithAPackage() {
        partner = "params-" + UUID.randomUUID();
        packageId = "p-" + UUID.randomUUID().toString().substring(0, 8);
        operator = LedgerClient.operator(http);
        alice = operator.registerPartner(partner, "\"Silver Core\"");
        rita = operator.reader("rita", "REPORTING", partner);
        ResponseEntity<JsonNode> purchased = alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "%s", "packageType": "Action Pack",
                 "software": [{"productId": "office", "name": "Office", "keys": 2, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]}"""
                .formatted(packageId));
        assertThat(purchased.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        purchasedAt = purchased.getBody().get("position").asLong();
    }

    static void refusedNaming(ResponseEntity<JsonNode> response, String... names) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().get("type").asText()).endsWith("/problems/unknown-parameter");
        assertThat(response.getBody().get("parameters")).extracting(JsonNode::asText).containsExactly(names);
        for (String name : names) {
            assertThat(response.getBody().get("detail").asText()).contains(name);
        }
    }

    @Test
    void an_instant_asked_of_a_tab_that_answers_only_as_of_now_is_refused_on_every_tab() {
        for (String tab : List.of("software", "cloud", "visual-studio", "technical", "go-to-market")) {
            refusedNaming(alice.send(HttpMethod.GET, "/partners/" + partner + "/" + tab + "?at=2026-01-01T00:00:00Z", null), "at");
            refusedNaming(rita.send(HttpMethod.GET, "/partners/" + partner + "/" + tab + "?awaitPosition=1&at=2026-01-01T00:00:00Z", null), "at");
        }
    }

    @Test
    void a_month_or_an_instant_asked_of_the_utilisation_report_is_refused_naming_both() {
        refusedNaming(rita.send(HttpMethod.GET, "/reports/utilisation?month=2026-01&at=2026-01-01T00:00:00Z&sort=partner", null),
                "at", "month");
        refusedNaming(rita.send(HttpMethod.GET, "/reports/utilisation.csv?month=2026-01", null), "month");
        refusedNaming(rita.send(HttpMethod.GET, "/reports/expiring-offers?within=30", null), "within");
        refusedNaming(rita.send(HttpMethod.GET, "/reports/refundable-packages?at=2026-01-01T00:00:00Z", null), "at");
        refusedNaming(rita.send(HttpMethod.GET, "/reports/activation-backlog?kinds=OFFER", null), "kinds");
    }

    @Test
    void other_reads_refuse_what_they_do_not_take() {
        refusedNaming(alice.send(HttpMethod.GET, "/partners/" + partner + "/refund-eligibility?refundable=true", null), "refundable");
        refusedNaming(alice.send(HttpMethod.GET, "/partners/" + partner + "/packages/" + packageId + "/refund-eligibility?asOf=x", null),
                "asOf");
        refusedNaming(alice.send(HttpMethod.GET, "/partners/" + partner + "/audit/verification?frobnicate=1", null), "frobnicate");
        refusedNaming(operator.send(HttpMethod.GET, "/operations/processors?verbose=true", null), "verbose");
    }

    @Test
    void a_command_with_a_query_parameter_it_does_not_take_is_refused_and_records_nothing() {
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

        refusedNaming(alice.post("/partners/" + partner + "/packages/" + packageId + "/software/office/keys?dryRun=true",
                "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}"), "dryRun");

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(before);
    }

    @Test
    void every_parameter_an_endpoint_declares_is_still_taken() {
        assertThat(alice.get("/partners/" + partner + "/software?status=AVAILABLE&page=0&size=10&awaitPosition=" + purchasedAt)
                .get("total").asInt()).isEqualTo(1);
        assertThat(alice.get("/partners/" + partner + "/go-to-market?awaitPosition=" + purchasedAt).has("offers")).isTrue();
        assertThat(alice.get("/partners/" + partner + "/refund-eligibility?at=" + Instant.now().plusSeconds(60) + "&onlyRefundable=false&page=0&size=5"
                             + "&awaitPosition=" + purchasedAt).get("total").asInt()).isEqualTo(1);
        assertThat(rita.get("/reports/utilisation?partner=" + partner + "&category=SOFTWARE&sort=remaining&direction=desc&page=0&size=5")
                .has("rows")).isTrue();
    }

    @Test
    void a_hostile_name_is_named_cut_short_and_as_text() {
        String longName = "x".repeat(500);

        ResponseEntity<JsonNode> refused = alice.send(HttpMethod.GET, "/partners/" + partner + "/software?" + longName + "=1", null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("parameters").get(0).asText()).hasSize(65).startsWith("xxx");
    }
}
