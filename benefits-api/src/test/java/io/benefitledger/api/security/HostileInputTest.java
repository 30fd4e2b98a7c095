package io.benefitledger.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a client sends, a bad request gets a problem detail that says what and where, and writes nothing. */
@LedgerIntegrationTest
class HostileInputTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    LedgerClient alice;
    String packages;
    long before;

    @BeforeEach
    void registerPartner() {
        String partner = "hostile-" + UUID.randomUUID();
        alice = LedgerClient.operator(http).registerPartner(partner, "");
        packages = "/partners/" + partner + "/packages";
        before = events();
    }

    static String purchase(String packageType, String keys) {
        return """
                {"packageId": "hostile-pkg", "packageType": %s,
                 "software": [{"productId": "office", "name": "Office", "keys": %s, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]}"""
                .formatted(packageType, keys);
    }

    ResponseEntity<JsonNode> refusedWith(String body, HttpStatus status) {
        ResponseEntity<JsonNode> response = alice.post(packages, body);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(events()).as("nothing was written").isEqualTo(before);
        return response;
    }

    long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    @Test
    void control_characters_in_text_are_refused_with_the_field_named() {
        ResponseEntity<JsonNode> refused = refusedWith(purchase("\"Action\\u0000Pack\"", "1"), HttpStatus.BAD_REQUEST);

        assertThat(refused.getBody().get("detail").asText()).isEqualTo("packageType: text must not contain control characters (U+0000 at character 6)");
    }

    @Test
    void a_number_where_text_is_expected_the_other_way_round_is_refused() {
        ResponseEntity<JsonNode> refused = refusedWith(purchase("\"Action Pack\"", "\"many\""), HttpStatus.BAD_REQUEST);

        assertThat(refused.getBody().get("detail").asText()).startsWith("software[0].keys:");
    }

    @Test
    void a_duplicate_json_key_is_refused() {
        refusedWith("{\"packageType\": \"A\", \"packageType\": \"B\", \"software\": []}", HttpStatus.BAD_REQUEST);
    }

    @Test
    void malformed_json_is_refused() {
        refusedWith("{\"packageType\": ", HttpStatus.BAD_REQUEST);
    }

    @Test
    void a_very_long_string_is_refused() {
        refusedWith(purchase("\"" + "A".repeat(5_000) + "\"", "1"), HttpStatus.BAD_REQUEST);
    }

    @Test
    void an_oversized_body_is_refused_before_it_is_read() {
        refusedWith(purchase("\"" + "A".repeat(300_000) + "\"", "1"), HttpStatus.PAYLOAD_TOO_LARGE);
    }

    @Test
    void a_chunked_body_is_refused_once_it_grows_past_the_limit_and_taken_below_it() throws Exception {
        HttpResponse<String> oversized = sendChunked(purchase("\"" + "A".repeat(300_000) + "\"", "1"));
        assertThat(oversized.statusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE.value());
        assertThat(oversized.body()).contains("a request body may be at most 256 KB");
        assertThat(events()).isEqualTo(before);

        HttpResponse<String> small = sendChunked(purchase("\"Action Pack\"", "1").replace("hostile-pkg", "chunked-" + UUID.randomUUID()));
        assertThat(small.statusCode()).as(small.body()).isEqualTo(HttpStatus.CREATED.value());
    }

    /** A body of unknown length, which Java's client sends chunked and without a Content-Length. */
    HttpResponse<String> sendChunked(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.getRootUri() + packages))
                .header("Authorization", "Bearer " + alice.token())
                .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_malformed_id_in_the_path_is_refused() {
        ResponseEntity<JsonNode> refused = alice.post(packages + "/bad%20id!/cancellation", "{\"serviceRequest\": \"SR-1\"}");

        assertThat(refused.getStatusCode().value()).isIn(400, 404);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void sql_looking_text_is_only_text() {
        ResponseEntity<JsonNode> purchased = alice.post(packages, purchase("\"Pack'); drop table domain_event_entry; --\"", "1"));

        assertThat(purchased.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode tab = alice.get(packages.replace("/packages", "/software") + "?awaitPosition="
                                 + purchased.getBody().get("position").asLong());
        assertThat(tab.get("rows").get(0).get("packageType").asText()).isEqualTo("Pack'); drop table domain_event_entry; --");
        assertThat(events()).isGreaterThan(before);
    }
}
