package io.benefitledger.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.Allocations;
import io.benefitledger.pkg.LicensedProduct;
import io.benefitledger.pkg.ProductId;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.OfferingId;
import io.benefitledger.pkg.PurchasePackage;
import io.benefitledger.testsupport.CommandEndpoints;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.assertj.core.api.SoftAssertions;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A hostile tenant's strings in every text field of every command: what is not text is refused with 400 and writes
 * nothing, what is text is stored and read back exactly, and whatever was sent, every partner's audit still reads
 * and verifies.
 */
@LedgerIntegrationTest
class HostileTextCorpusTest {

    /** Not text: refused wherever it is sent. */
    static final Map<String, String> NOT_TEXT = new LinkedHashMap<>();
    /** Text: accepted where a field takes free text; an id, address or code field may refuse it for its shape. */
    static final Map<String, String> TEXT = new LinkedHashMap<>();

    static {
        NOT_TEXT.put("a lone high surrogate", "\ud800");
        NOT_TEXT.put("a lone low surrogate", "Action \udc00 Pack");
        NOT_TEXT.put("swapped surrogates", "\udc00\ud800");
        NOT_TEXT.put("U+0000", "Action\u0000Pack");
        NOT_TEXT.put("the non-character U+FFFE", "\ufffe");
        NOT_TEXT.put("the non-character U+FFFF", "Pack\uffff");
        NOT_TEXT.put("the non-character U+FDD0", "\ufdd0");
        NOT_TEXT.put("the non-character U+10FFFF", "\udbff\udfff");
        TEXT.put("a byte order mark", "\ufeffAction Pack");
        TEXT.put("a right-to-left override", "Pack \u202egpj.exe");
        TEXT.put("4-byte emoji", "Action Pack 🎉👩‍💻");
        TEXT.put("Chinese", "合作夥伴福利方案");
        TEXT.put("combining marks", "Cafe\u0301 N\u0303");
        TEXT.put("64 KB of text", "x".repeat(64 * 1024));
        TEXT.put("SQL", "'; drop table domain_event_entry; --");
        TEXT.put("JSON", "\"}, {\"partnerId\": {\"value\": \"victim\"}}");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;

    /** Writes every non-ASCII character as a \\u escape: a lone surrogate would not survive encoding to UTF-8. */
    final ObjectMapper mapper = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    final AtomicInteger fresh = new AtomicInteger();

    @Test
    void every_text_field_of_every_command_refuses_what_is_not_text_and_every_partners_audit_still_verifies() throws Exception {
        List<String> othersBefore = partners(); // other tests' partners, some of them tampered with on purpose
        String bystander = "bystander-" + UUID.randomUUID();
        LedgerClient bystanderAdmin = LedgerClient.operator(http).registerPartner(bystander, "");
        bystanderAdmin.purchase("/partners/" + bystander + "/packages", """
                {"packageId": "f", "packageType": "Action Pack",
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio", "seats": 1}]}""");
        CommandEndpoints setUp = CommandEndpoints.forNewPartner(http, "hostile-" + UUID.randomUUID());

        SoftAssertions softly = new SoftAssertions();
        int sent = 0;
        for (CommandEndpoints.Endpoint endpoint : setUp.endpoints) {
            JsonNode valid = mapper.readTree(endpoint.validBody());
            for (List<Object> field : textFields(valid)) {
                for (Map.Entry<String, String> hostile : corpus()) {
                    JsonNode body = valid.deepCopy();
                    freshIds(body, field);
                    set(body, field, hostile.getValue());
                    long before = events();
                    ResponseEntity<JsonNode> response = setUp.caller(endpoint).send(endpoint.method(), endpoint.path(),
                            mapper.writeValueAsString(body));
                    sent++;
                    int status = response.getStatusCode().value();
                    String call = endpoint.method() + " " + endpoint.path() + " with " + hostile.getKey() + " in "
                                  + field + " answered " + abbreviate(String.valueOf(response.getBody()));
                    softly.assertThat(status).as(call).isLessThan(500);
                    if (NOT_TEXT.containsKey(hostile.getKey())) {
                        softly.assertThat(status).as(call).isEqualTo(400);
                    }
                    if (status >= 400) {
                        softly.assertThat(events()).as(call + ": refused, so nothing was written").isEqualTo(before);
                    }
                }
            }
        }
        softly.assertAll();
        assertThat(sent).as("requests sent").isGreaterThan(500);

        List<String> partners = partners();
        partners.removeAll(othersBefore);
        assertThat(partners).as("the bystander, the hostile partner and the partners it registered").hasSizeGreaterThan(2);
        LedgerClient auditor = LedgerClient.operator(http).reader("ada", "AUDITOR", partners.toArray(String[]::new));
        for (String partner : partners) {
            String audit = "/partners/" + partner + "/audit";
            auditor.get(audit + "/events");
            assertThat(auditor.text(audit + "/log")).isNotEmpty();
            assertThat(auditor.get(audit + "/verification").get("intact").asBoolean()).as(partner).isTrue();
            auditor.get(audit + "/aggregates/" + partner);
        }
        auditor.get("/partners/" + bystander + "/audit/aggregates/f");
        auditor.get("/partners/" + bystander + "/audit/packages/f/refund-decision");
    }

    @Test
    void chinese_and_emoji_are_stored_and_read_back_exactly() {
        String partner = "zh-" + UUID.randomUUID();
        LedgerClient alice = LedgerClient.operator(http).registerPartner(partner, "");
        String packageType = "合作夥伴 Action Pack 🎉";
        String product = "Visual Studio 企業版 👩‍💻 Cafe\u0301";
        assertThat(alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "zh", "packageType": "%s",
                 "software": [{"productId": "vs", "name": "%s", "keys": 1, "languages": ["zh-TW"], "operatingSystems": ["x64"],
                               "downloadUrlTemplate": "https://dl.example/{language}/{os}", "specialInstructions": "請在 30 天內啟用"}]}"""
                .formatted(packageType, product)).getStatusCode().value()).isEqualTo(201);

        await().untilAsserted(() -> {
            JsonNode rows = alice.get("/partners/" + partner + "/software").get("rows");
            assertThat(rows).as("the projection has caught up").hasSize(1);
            JsonNode row = rows.get(0);
            assertThat(row.get("packageType").asText()).isEqualTo(packageType);
            assertThat(row.get("productName").asText()).isEqualTo(product);
            assertThat(row.get("specialInstructions").asText()).isEqualTo("請在 30 天內啟用");
        });
        JsonNode purchased = alice.get("/partners/" + partner + "/audit/events?aggregate=zh").get("events").get(0).get("payload");
        assertThat(purchased.get("packageType").asText()).isEqualTo(packageType);
        assertThat(purchased.at("/allocations/software/0/name").asText()).isEqualTo(product);
        String stored = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'packageType' from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0""", String.class, partner + "/zh");
        assertThat(stored).as("PostgreSQL reads it as the same text").isEqualTo(packageType);
    }

    @Test
    void an_event_holding_text_that_is_not_unicode_is_never_written_even_when_the_edge_is_bypassed() {
        String partner = "bypass-" + UUID.randomUUID();
        LedgerClient.operator(http).registerPartner(partner, "");
        long before = events();
        PurchasePackage command = new PurchasePackage(new PackageId("p"), new PartnerId(partner), "Action \ud800 Pack",
                new Allocations(List.of(new LicensedProduct(new ProductId("o"), "Office", 1, List.of("en-US"),
                        List.of("x64"), "https://dl.example/{language}/{os}", "")), List.of(), List.of(), List.of(),
                        List.of()), new UserId("alice"), Instant.now(), new OfferingId("action-pack"), 1, null);

        assertThatThrownBy(() -> commands.sendAndWait(command)).hasStackTraceContaining("not valid Unicode");
        assertThat(events()).isEqualTo(before);
    }

    static List<Map.Entry<String, String>> corpus() {
        List<Map.Entry<String, String>> all = new ArrayList<>(NOT_TEXT.entrySet());
        all.addAll(TEXT.entrySet());
        return all;
    }

    /** Creation commands get new ids for each try, so that an accepted try does not make the next one a duplicate. */
    void freshIds(JsonNode body, List<Object> hostileField) {
        ObjectNode object = (ObjectNode) body;
        int n = fresh.incrementAndGet();
        renew(object, "partnerId", hostileField, n);
        renew(object, "packageId", hostileField, n);
        if (object.has("roles")) {
            renew(object, "userId", hostileField, n);
        }
    }

    static void renew(ObjectNode body, String id, List<Object> hostileField, int n) {
        if (body.has(id) && !hostileField.equals(List.of(id))) {
            body.put(id, body.get(id).asText() + "-" + n);
        }
    }

    /** The path of every string in a body: field names and array indexes. */
    static List<List<Object>> textFields(JsonNode body) {
        List<List<Object>> fields = new ArrayList<>();
        collect(body, new ArrayList<>(), fields::add);
        return fields;
    }

    static void collect(JsonNode node, List<Object> path, Consumer<List<Object>> field) {
        if (node.isTextual()) {
            field.accept(List.copyOf(path));
        } else if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                path.add(name);
                collect(node.get(name), path, field);
                path.remove(path.size() - 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.add(i);
                collect(node.get(i), path, field);
                path.remove(path.size() - 1);
            }
        }
    }

    static void set(JsonNode body, List<Object> path, String value) {
        JsonNode parent = body;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).put((String) last, value);
        }
    }

    List<String> partners() {
        return new ArrayList<>(jdbc.queryForList("select partner_id from directory_partner", String.class));
    }

    long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
