package io.benefitledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every paged read bounds its page, and every as-of read its instant, with a problem detail that names the parameter. */
@LedgerIntegrationTest
class ParameterBoundsTest {

    @Autowired
    TestRestTemplate http;

    LedgerClient alice;
    String partner;
    long purchasedAt;

    @BeforeEach
    void registerPartnerWithAPackage() {
        partner = "bounds-" + UUID.randomUUID();
        alice = LedgerClient.operator(http).registerPartner(partner, "");
        ResponseEntity<JsonNode> purchased = alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "%s", "packageType": "Action Pack",
                 "software": [{"productId": "office", "name": "Office", "keys": 1, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]}"""
                .formatted("bounds-pkg-" + UUID.randomUUID()));
        assertThat(purchased.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        purchasedAt = purchased.getBody().get("position").asLong();
    }

    List<String> pagedReads() {
        String of = "/partners/" + partner;
        return List.of(of + "/software", of + "/cloud", of + "/visual-studio", of + "/technical", of + "/refund-eligibility",
                of + "/audit/events", "/reports/utilisation", "/reports/expiring-offers", "/reports/refundable-packages",
                "/reports/activation-backlog");
    }

    List<String> asOfReads() {
        String of = "/partners/" + partner;
        return List.of(of + "/refund-eligibility", of + "/packages/any-package/refund-eligibility",
                of + "/audit/aggregates/" + partner, of + "/audit/packages/any-package/refund-decision");
    }

    @Test
    void a_page_beyond_the_last_is_refused_on_every_paged_read() {
        for (String read : pagedReads()) {
            alice.get(read + "?page=" + PageNumber.LAST);
            for (String page : List.of(String.valueOf(PageNumber.LAST + 1), "2147483647", "-1")) {
                refusedNaming(read + "?page=" + page, "page");
            }
        }
    }

    @Test
    void an_instant_outside_the_ledgers_time_is_refused_on_every_as_of_read() {
        Instant now = Instant.now();
        for (String read : asOfReads()) {
            for (String at : List.of("1900-01-01T00:00:00Z", "1999-12-31T23:59:59Z", now.plus(366, ChronoUnit.DAYS).toString(),
                    "9999-12-31T23:59:59Z", "%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z")) {
                refusedNaming(read + "?at=" + at, "at");
            }
        }
    }

    @Test
    void an_instant_that_is_not_one_is_refused_naming_the_parameter_without_echoing_it() {
        refusedNaming(asOfReads().get(0) + "?at=yesterday", "at");
    }

    @Test
    void a_partners_packages_as_of_before_their_purchase_are_none_and_counted_none() {
        JsonNode before = alice.get("/partners/" + partner + "/refund-eligibility?at=2000-01-01T00:00:00Z");
        JsonNode now = alice.get("/partners/" + partner + "/refund-eligibility?awaitPosition=" + purchasedAt);

        assertThat(before.get("rows")).isEmpty();
        assertThat(before.get("total").asLong()).isZero();
        assertThat(now.get("total").asLong()).isEqualTo(now.get("rows").size()).isPositive();
    }

    void refusedNaming(String path, String parameter) {
        // as sent: the template would encode the % of %2B again
        ResponseEntity<JsonNode> refused = http.exchange(RequestEntity.get(URI.create(http.getRootUri() + path))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + alice.token()).build(), JsonNode.class);

        assertThat(refused.getStatusCode()).as(path + " answered " + refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).as(path).containsExactly(parameter);
    }
}
