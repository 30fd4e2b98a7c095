package io.benefitledger.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Generated bodies, mutated from valid ones, thrown at every command endpoint: the service never answers 5xx, and a
 * refused command leaves the event store as it was. The seed is fixed so a failure can be replayed.
 */
@LedgerIntegrationTest
class CommandFuzzTest {

    static final long SEED = 20261124L;
    static final int BODIES_PER_ENDPOINT = 25;
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    record Endpoint(HttpMethod method, String path, String validBody, boolean asOperator) {
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void no_generated_body_gets_a_server_error_and_no_refused_one_writes_anything() throws Exception {
        String partner = "fuzz-" + UUID.randomUUID();
        LedgerClient operator = LedgerClient.operator(http);
        LedgerClient alice = operator.registerPartner(partner, "\"Silver Core\"");
        alice.addUser("dave", "ADMIN_AGENT");
        String p = "/partners/" + partner;
        alice.post(p + "/packages", """
                {"packageId": "f", "packageType": "Silver Core",
                 "software": [{"productId": "office", "name": "Office", "keys": 1000, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}],
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio", "seats": 1}],
                 "technical": [{"allocationId": "advisory", "name": "Advisory hours", "quantity": 500, "unit": "HOUR"}]}""");
        List<Endpoint> endpoints = List.of(
                new Endpoint(HttpMethod.POST, "/partners", """
                        {"partnerId": "x", "companyName": "X", "companyAccountEmail": "a@x.example",
                         "qualifications": ["Gold Core"], "firstAdmin": {"userId": "u", "displayName": "U", "email": "u@x.example"}}""", true),
                new Endpoint(HttpMethod.POST, p + "/packages", """
                        {"packageId": "g", "packageType": "Action Pack",
                         "software": [{"productId": "o", "name": "O", "keys": 1, "languages": ["en-US"], "operatingSystems": ["x64"],
                                       "downloadUrlTemplate": "https://dl.example/{language}/{os}", "specialInstructions": "none"}],
                         "visualStudio": [{"allocationId": "vs", "name": "VS", "seats": 2}],
                         "technical": [{"allocationId": "t", "name": "T", "quantity": 3, "unit": "INCIDENT"}]}""", false),
                new Endpoint(HttpMethod.POST, p + "/packages/f/software/office/keys",
                        "{\"language\": \"en-US\", \"operatingSystem\": \"x64\", \"count\": 1}", false),
                new Endpoint(HttpMethod.POST, p + "/users",
                        "{\"userId\": \"n\", \"displayName\": \"N\", \"email\": \"n@x.example\", \"roles\": [\"ADMIN_AGENT\"]}", false),
                new Endpoint(HttpMethod.PUT, p + "/users/dave/roles", "{\"roles\": [\"USER_ADMIN\"]}", false),
                new Endpoint(HttpMethod.PUT, p + "/company-account-email", "{\"email\": \"it@x.example\"}", false),
                new Endpoint(HttpMethod.PUT, p + "/qualifications", "{\"qualifications\": [\"Gold Core\"], \"reason\": \"program case 1\"}", true),
                new Endpoint(HttpMethod.POST, p + "/subscriptions/f:vs:1/assignment", "{\"userId\": \"dave\", \"alternativeEmail\": \"d@x.example\"}", false),
                new Endpoint(HttpMethod.POST, p + "/subscriptions/f:advisory/draws",
                        "{\"phase\": \"DESIGN\", \"description\": \"d\", \"amount\": 1}", false),
                new Endpoint(HttpMethod.POST, p + "/subscriptions/f:advisory/fulfilment", "{\"fulfilmentReference\": \"F\"}", true),
                new Endpoint(HttpMethod.PUT, p + "/go-to-market/contact",
                        "{\"userId\": \"dave\", \"alternativeEmail\": \"d@agency.example\", \"phone\": \"+14255550100\", \"preferredLanguage\": \"en-US\"}", false),
                new Endpoint(HttpMethod.POST, p + "/go-to-market/offers/silver-marketing-kit/uses", "{\"purpose\": \"p\"}", false),
                new Endpoint(HttpMethod.POST, p + "/packages/f/cancellation", "{\"serviceRequest\": \"SR\"}", false));

        Random random = new Random(SEED);
        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : endpoints) {
            LedgerClient caller = endpoint.asOperator() ? operator : alice;
            for (int i = 0; i < BODIES_PER_ENDPOINT; i++) {
                String body = mutate(endpoint.validBody(), random);
                long before = events();
                ResponseEntity<JsonNode> response = caller.send(endpoint.method(), endpoint.path(), body);
                int status = response.getStatusCode().value();
                String call = endpoint.method() + " " + endpoint.path() + " with " + abbreviate(body);
                softly.assertThat(status).as(call + " answered " + response.getBody()).isLessThan(500);
                if (status >= 400) {
                    softly.assertThat(events()).as(call + " was refused and wrote nothing").isEqualTo(before);
                }
            }
        }
        softly.assertAll();
    }

    String mutate(String valid, Random random) throws Exception {
        switch (random.nextInt(8)) {
            case 0:
                return valid.substring(0, random.nextInt(valid.length())); // truncated JSON
            case 1:
                byte[] noise = new byte[random.nextInt(64) + 1];
                random.nextBytes(noise);
                return new String(noise, java.nio.charset.StandardCharsets.ISO_8859_1);
            default:
                JsonNode tree = mapper.readTree(valid);
                for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
                    mutateSomewhere(tree, random);
                }
                return mapper.writeValueAsString(tree);
        }
    }

    void mutateSomewhere(JsonNode node, Random random) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(node, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> fields = new ArrayList<>();
        target.fieldNames().forEachRemaining(fields::add);
        if (fields.isEmpty() || random.nextInt(6) == 0) {
            target.set("unexpected" + random.nextInt(10), oddValue(random));
            return;
        }
        String field = fields.get(random.nextInt(fields.size()));
        if (random.nextInt(5) == 0) {
            target.remove(field);
        } else {
            target.set(field, oddValue(random));
        }
    }

    JsonNode oddValue(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> JSON.nullNode();
            case 1 -> JSON.numberNode(random.nextBoolean() ? Long.MAX_VALUE : -random.nextInt(1000));
            case 2 -> JSON.numberNode(random.nextDouble() * 1e12);
            case 3 -> JSON.booleanNode(random.nextBoolean());
            case 4 -> JSON.textNode("x".repeat(random.nextInt(5000)));
            case 5 -> JSON.textNode("'; drop table domain_event_entry; --");
            case 6 -> JSON.textNode("\u0000\u0007\u001b[31m" + random.nextInt());
            case 7 -> JSON.textNode("日本語🎉\u202eevil");
            case 8 -> JSON.objectNode().put("nested", random.nextInt());
            case 9 -> {
                ArrayNode array = JSON.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(random.nextInt());
                }
                yield array;
            }
            case 10 -> JSON.textNode("");
            default -> JSON.textNode("  " + random.nextInt() + "  ");
        };
    }

    static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            collect(children.next(), objects);
        }
    }

    long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
