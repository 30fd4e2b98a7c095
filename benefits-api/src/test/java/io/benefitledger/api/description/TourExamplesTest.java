package io.benefitledger.api.description;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README tour, step by step, as the API description's examples show it: every request example is sent to the
 * service as its caller would, the answer has the documented status, and its shape (field names and kinds of value,
 * recursively) is the documented response example's. The partner gets an id of its own, so the tour runs beside the
 * other tests on one database.
 */
@LedgerIntegrationTest
class TourExamplesTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void every_example_of_the_description_is_answered_as_documented() throws IOException {
        String partner = "contoso-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode description = http.getForObject("/v3/api-docs", JsonNode.class);
        Map<String, LedgerClient> callers = Map.of(
                "operator", LedgerClient.operator(http),
                "alice", LedgerClient.user(http, "alice", partner, "GLOBAL_ADMIN"),
                "dave", LedgerClient.user(http, "dave", partner, "ADMIN_AGENT"),
                "mia", LedgerClient.user(http, "mia", partner, "MPN_PARTNER_ADMIN"),
                "auditor", LedgerClient.operator(http).reader("audrey", "AUDITOR", partner));

        int documented = 0;
        long position = 0;
        for (JsonNode step : steps()) {
            String operation = step.path("operation").asText(null);
            String method = step.has("method") ? step.get("method").asText()
                    : operation != null ? operation.split(" ")[0] : "POST";
            String body = step.has("request") ? ours(step.get("request").toString(), partner) : null;
            ResponseEntity<JsonNode> answer = callers.get(step.get("as").asText())
                    .send(HttpMethod.valueOf(method), ours(at(step, position), partner), body);

            assertThat(answer.getStatusCode().value()).as(step + " answered " + answer.getBody())
                    .isEqualTo(step.get("status").asInt());
            position = answer.getBody().path("position").asLong(position);
            if (step.has("problem")) {
                assertThat(answer.getBody().get("type").asText()).as(step.toString())
                        .isEqualTo("https://benefit-ledger.example/problems/" + step.get("problem").asText());
            }
            if (step.has("shapeOf")) {
                Set<String> fields = new HashSet<>();
                answer.getBody().fieldNames().forEachRemaining(fields::add);
                List<String> expected = new ArrayList<>();
                step.get("shapeOf").forEach(field -> expected.add(field.asText()));
                assertThat(fields).as(step.toString()).containsExactlyInAnyOrderElementsOf(expected);
            }
            if (operation == null) {
                continue;
            }
            String[] parts = operation.split(" ", 2);
            JsonNode described = description.get("paths").get(parts[1]).get(parts[0].toLowerCase());
            if (step.has("request")) {
                assertThat(described.at("/requestBody/content/application~1json/example")).as(operation)
                        .isEqualTo(step.get("request"));
                documented++;
            }
            if (step.has("response")) {
                JsonNode example = described.at("/responses/" + step.get("status").asText() + "/content/application~1json/example");
                assertThat(example).as(operation).isEqualTo(step.get("response"));
                assertSameShape(example, answer.getBody(), operation);
                documented++;
            }
        }
        assertThat(documented).as("examples checked").isGreaterThan(20);
    }

    /**
     * The same field names, and at each the same kind of value; a documented null stands for any value. An array's
     * elements each have the shape of the documented element at their index, or of the first beyond the documented ones.
     */
    static void assertSameShape(JsonNode documented, JsonNode actual, String where) {
        if (documented.isNull()) {
            return;
        }
        assertThat(actual.getNodeType()).as(where).isEqualTo(documented.getNodeType());
        if (documented.isObject()) {
            Set<String> documentedFields = new HashSet<>();
            documented.fieldNames().forEachRemaining(documentedFields::add);
            Set<String> actualFields = new HashSet<>();
            actual.fieldNames().forEachRemaining(actualFields::add);
            assertThat(actualFields).as(where).isEqualTo(documentedFields);
            documentedFields.forEach(field -> assertSameShape(documented.get(field), actual.get(field), where + "." + field));
        } else if (documented.isArray() && !documented.isEmpty()) {
            assertThat(actual).as(where).isNotEmpty();
            for (int i = 0; i < actual.size(); i++) {
                assertSameShape(documented.get(i < documented.size() ? i : 0), actual.get(i), where + "[" + i + "]");
            }
        }
    }

    /** The step's path; a read waits for the last position answered before it ({@code ?awaitPosition={position}}). */
    static String at(JsonNode step, long position) {
        return step.get("path").asText().replace("{position}", String.valueOf(position));
    }

    /** The tour's partner, renamed to this run's (in any letter case, as the tour writes e-mail addresses). */
    private static String ours(String text, String partner) {
        return text.replaceAll("(?i)contoso", partner);
    }

    private static JsonNode steps() throws IOException {
        try (InputStream tour = new ClassPathResource(TourExamples.TOUR).getInputStream()) {
            return new ObjectMapper().readTree(tour);
        }
    }
}
