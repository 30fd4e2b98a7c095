package io.benefitledger.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.benefitledger.testsupport.CommandEndpoints;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
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

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void no_generated_body_gets_a_server_error_and_no_refused_one_writes_anything() throws Exception {
        CommandEndpoints setUp = CommandEndpoints.forNewPartner(http, "fuzz-" + UUID.randomUUID());
        Random random = new Random(SEED);
        SoftAssertions softly = new SoftAssertions();
        for (CommandEndpoints.Endpoint endpoint : setUp.endpoints) {
            LedgerClient caller = setUp.caller(endpoint);
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
