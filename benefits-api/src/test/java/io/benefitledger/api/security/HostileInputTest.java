package io.benefitledger.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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
    String offering;
    long before;

    @BeforeEach
    void registerPartner() {
        String partner = "hostile-" + UUID.randomUUID();
        alice = LedgerClient.operator(http).registerPartner(partner, "");
        packages = "/partners/" + partner + "/packages";
        offering = "/catalogue/offerings/" + partner;
        before = events();
    }

    /** An offering's contents, with a name and a key count as the test writes them. */
    static String purchase(String packageType, String keys) {
        return """
                {"name": %s,
                 "software": [{"productId": "office", "name": "Office", "keys": %s, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]}"""
                .formatted(packageType, keys);
    }

    /** The program operator publishes these contents: where a body that tries the service's JSON reading arrives. */
    ResponseEntity<JsonNode> refusedWith(String body, HttpStatus status) {
        ResponseEntity<JsonNode> response = LedgerClient.operator(http).send(HttpMethod.PUT, offering, body);
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

        assertThat(refused.getBody().get("detail").asText()).isEqualTo("name: text must not contain control characters (U+0000 at character 6)");
    }

    @Test
    void a_number_where_text_is_expected_the_other_way_round_is_refused() {
        ResponseEntity<JsonNode> refused = refusedWith(purchase("\"Action Pack\"", "\"many\""), HttpStatus.BAD_REQUEST);

        assertThat(refused.getBody().get("detail").asText()).startsWith("software[0].keys:");
    }

    @Test
    void a_duplicate_json_key_is_refused() {
        refusedWith("{\"name\": \"A\", \"name\": \"B\", \"software\": []}", HttpStatus.BAD_REQUEST);
    }

    @Test
    void malformed_json_is_refused() {
        refusedWith("{\"name\": ", HttpStatus.BAD_REQUEST);
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

        HttpResponse<String> small = sendChunked(purchase("\"Action Pack\"", "1"));
        assertThat(small.statusCode()).as(small.body()).isEqualTo(HttpStatus.OK.value());
    }

    /** A body of unknown length, which Java's client sends chunked and without a Content-Length. */
    HttpResponse<String> sendChunked(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.getRootUri() + offering))
                .header("Authorization", "Bearer " + LedgerClient.operator(http).token())
                .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
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
    void a_number_where_text_is_expected_is_refused_not_read_as_text() {
        ResponseEntity<JsonNode> refused = refusedWith(purchase("12", "1"), HttpStatus.BAD_REQUEST);

        assertThat(refused.getBody().get("detail").asText()).isEqualTo("name: expected text");
    }

    @Test
    void text_or_a_fraction_where_a_whole_number_is_expected_is_refused() {
        assertThat(refusedWith(purchase("\"Action Pack\"", "\"1\""), HttpStatus.BAD_REQUEST).getBody().get("detail").asText())
                .isEqualTo("software[0].keys: expected a whole number");
        assertThat(refusedWith(purchase("\"Action Pack\"", "1.9"), HttpStatus.BAD_REQUEST).getBody().get("detail").asText())
                .isEqualTo("software[0].keys: expected a whole number");
        assertThat(refusedWith("""
                {"name": "Action Pack", "visualStudio": [{"allocationId": "vs", "name": "VS", "seats": 2.5}]}""",
                HttpStatus.BAD_REQUEST).getBody().get("detail").asText()).isEqualTo("visualStudio[0].seats: expected a whole number");
    }

    @Test
    void an_enum_by_its_position_is_refused_with_the_values_it_takes() {
        ResponseEntity<JsonNode> refused = refusedWith("""
                {"name": "Action Pack",
                 "technical": [{"allocationId": "advisory", "name": "Advisory hours", "quantity": 5, "unit": 1}]}""",
                HttpStatus.BAD_REQUEST);

        assertThat(refused.getBody().get("detail").asText())
                .isEqualTo("technical[0].unit: expected one of KEY, SUBSCRIPTION, SEAT, INCIDENT, HOUR");
    }

    @Test
    void a_technical_benefit_in_a_unit_of_another_kind_is_refused_with_the_units_it_takes() {
        ResponseEntity<JsonNode> refused = refusedWith("""
                {"name": "Action Pack",
                 "technical": [{"allocationId": "advisory", "name": "Advisory hours", "quantity": 5, "unit": "SEAT"}]}""",
                HttpStatus.BAD_REQUEST);

        assertThat(refused.getBody().get("detail").asText()).contains("counted in incidents or hours, not SEAT");
    }

    @Test
    void anything_after_the_json_value_is_refused() {
        ResponseEntity<JsonNode> refused = refusedWith(purchase("\"Action Pack\"", "1") + " {\"name\": \"Other\"}",
                HttpStatus.BAD_REQUEST);

        assertThat(refused.getBody().get("detail").asText()).isEqualTo("the request body must be one JSON object, and nothing after it");
    }

    @Test
    void an_unknown_field_is_named_with_the_fields_there_are_and_no_java_type() {
        ResponseEntity<JsonNode> refused = alice.post(packages + "/any/software/office/keys", "{\"cnt\": 1}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("detail").asText())
                .isEqualTo("cnt: no such field; the fields here are count, language, operatingSystem");
    }

    @Test
    void a_purchase_beyond_what_one_package_may_hold_is_refused_before_any_subscription_is_opened() {
        String fiftyAllocationsOfAThousandSeats = java.util.stream.IntStream.rangeClosed(1, 50)
                .mapToObj(n -> "{\"allocationId\": \"vs-" + n + "\", \"name\": \"VS\", \"seats\": 1000}")
                .collect(java.util.stream.Collectors.joining(",", "{\"name\": \"Action Pack\", \"visualStudio\": [", "]}"));

        ResponseEntity<JsonNode> refused = refusedWith(fiftyAllocationsOfAThousandSeats, HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(refused.getBody().get("rule").asText()).isEqualTo("package-too-large");
        assertThat(refused.getBody().get("detail").asText()).contains("at most 500 subscriptions", "not 50000");
    }

    @Test
    void odd_ids_in_the_path_get_a_problem_detail_whoever_refuses_them() throws Exception {
        // Tomcat refuses some (encoded slash, NUL, characters outside RFC 3986), Spring Security's firewall others
        // ('..', ';'), the id rules the rest
        for (String id : List.of("a'b", "..", "%2e%2e", "a%2Fb", "a%00b", "a;b", "a|b", "a\\b", "%2e%2e%2f%2e%2e")) {
            Raw answer = raw("GET " + packages + "/" + id + "/refund-eligibility", alice.token());

            assertThat(answer.status()).as(id + ": " + answer).isIn(400, 404);
            assertThat(answer.contentType()).as(id + ": " + answer).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(JSON.readTree(answer.body()).get("status").asInt()).as(id).isEqualTo(answer.status());
        }
    }

    @Test
    void the_error_page_asked_for_directly_is_not_found() throws Exception {
        Raw answer = raw("GET /error", null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(JSON.readTree(answer.body()).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void unknown_paths_wrong_methods_and_media_types_get_problem_details() throws Exception {
        String software = packages.replace("/packages", "/software");
        assertThat(raw("GET /no-such-thing", alice.token()).problemStatus()).isEqualTo(404);
        assertThat(raw("DELETE " + software, alice.token()).problemStatus()).isEqualTo(405);
        assertThat(raw("GET " + software, alice.token(), "Accept: image/png").problemStatus()).isEqualTo(406);
        assertThat(raw("POST " + packages, alice.token(), "Content-Type: text/plain", "Content-Length: 1", "", "x")
                .problemStatus()).isEqualTo(415);
        assertThat(events()).isEqualTo(before);
    }

    static final ObjectMapper JSON = new ObjectMapper();

    record Raw(int status, String contentType, String body) {
        /** The status, once it is checked that the answer is a problem detail of that status. */
        int problemStatus() throws IOException {
            assertThat(contentType).as(toString()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(JSON.readTree(body).get("status").asInt()).as(toString()).isEqualTo(status);
            return status;
        }
    }

    /** Sends the request line exactly as given, which no HTTP client does for paths like these. */
    Raw raw(String requestLine, String token, String... headersAndBody) throws IOException {
        URI root = URI.create(http.getRootUri());
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            if (token != null) {
                request.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            boolean body = false;
            for (String line : headersAndBody) {
                request.append(line).append(body ? "" : "\r\n");
                body |= line.isEmpty();
            }
            if (!body) {
                request.append("\r\n");
            }
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
            String contentType = head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).trim()).findFirst().orElse("");
            String payload = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                payload = payload.substring(payload.indexOf("\r\n") + 2, payload.lastIndexOf("\r\n0\r\n"));
            }
            return new Raw(Integer.parseInt(head.split(" ")[1]), contentType, payload);
        }
    }

    @Test
    void sql_looking_text_is_only_text() {
        ResponseEntity<JsonNode> purchased = alice.purchase(packages, purchase("\"Pack'); drop table domain_event_entry; --\"", "1"));

        assertThat(purchased.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode tab = alice.get(packages.replace("/packages", "/software") + "?awaitPosition="
                                 + purchased.getBody().get("position").asLong());
        assertThat(tab.get("rows").get(0).get("packageType").asText()).isEqualTo("Pack'); drop table domain_event_entry; --");
        assertThat(events()).isGreaterThan(before);
    }
}
