package io.benefitledger.api.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.Allocations;
import io.benefitledger.pkg.LicensedProduct;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.pkg.ProductId;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The program's catalogue on the real service and database: the operator publishes offerings as versions, a partner
 * buys one by name and its package holds that version's contents for good, and "one Action Pack per partner per
 * membership year" holds however many purchases arrive at once.
 */
@LedgerIntegrationTest
class CatalogueTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource dataSource;

    LedgerClient operator;
    LedgerClient alice;
    String partner;
    String actionPack;

    @BeforeEach
    void setUp() {
        operator = LedgerClient.operator(http);
        partner = "cat-" + UUID.randomUUID();
        alice = operator.registerPartner(partner, "\"Silver Core\"");
        actionPack = "action-pack-" + UUID.randomUUID();
        assertThat(publish(actionPack, offering(2, 1)).getBody().get("version").asInt()).isEqualTo(1);
    }

    static String offering(int keys, Integer perYear) {
        return """
                {"name": "Action Pack",
                 "software": [{"productId": "windows-server", "name": "Windows Server 2025", "keys": %d,
                               "languages": ["en-US", "de-DE"], "operatingSystems": ["x64"],
                               "downloadUrlTemplate": "https://downloads.example/windows-server/{language}/{os}",
                               "specialInstructions": "Activate within 30 days."}],
                 "goToMarket": [{"offerId": "silver-marketing-kit", "name": "Silver marketing kit", "validityDays": 365,
                                 "qualifications": ["Silver Core"]}],
                 "perMembershipYear": %s}""".formatted(keys, perYear);
    }

    ResponseEntity<JsonNode> publish(String offeringId, String body) {
        ResponseEntity<JsonNode> published = operator.send(HttpMethod.PUT, "/catalogue/offerings/" + offeringId, body);
        assertThat(published.getStatusCode()).as(String.valueOf(published.getBody())).isEqualTo(HttpStatus.OK);
        return published;
    }

    ResponseEntity<JsonNode> buy(LedgerClient buyer, String packageId, String offeringId, Integer version) {
        return buyer.post("/partners/" + buyer.partner() + "/packages", """
                {"packageId": "%s", "offering": "%s"%s}""".formatted(packageId, offeringId,
                version == null ? "" : ", \"version\": " + version));
    }

    long eventsOf(String packageId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class,
                partner + "/" + packageId);
    }

    @Test
    void a_package_bought_by_name_holds_the_offerings_contents_on_its_tabs_and_records_the_version() {
        ResponseEntity<JsonNode> bought = buy(alice, "ap-1", actionPack, null);
        assertThat(bought.getStatusCode()).as(String.valueOf(bought.getBody())).isEqualTo(HttpStatus.CREATED);

        JsonNode row = alice.get("/partners/" + partner + "/software?awaitPosition=" + bought.getBody().get("position").asLong())
                .get("rows").get(0);
        assertThat(row.get("packageType").asText()).isEqualTo("Action Pack");
        assertThat(row.get("keysAllocated").asInt()).isEqualTo(2);
        assertThat(row.get("languages")).hasSize(2);
        assertThat(row.get("specialInstructions").asText()).isEqualTo("Activate within 30 days.");
        String stored = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type = ?""", String.class, partner + "/ap-1",
                PackagePurchased.class.getName());
        assertThat(stored).contains("\"offering\":{\"value\":\"" + actionPack + "\"}", "\"offeringVersion\":1");
        JsonNode offers = alice.get("/partners/" + partner + "/go-to-market?awaitPosition="
                                    + bought.getBody().get("position").asLong()).get("offers");
        assertThat(offers.findValuesAsText("offerId")).containsExactly("silver-marketing-kit");
    }

    @Test
    void a_revision_is_the_next_version_and_a_package_bought_before_keeps_what_it_had() {
        buy(alice, "ap-old", actionPack, null);
        assertThat(publish(actionPack, offering(5, 2)).getBody().get("version").asInt()).isEqualTo(2);
        assertThat(publish(actionPack, offering(5, 2)).getBody().get("version").asInt()).as("the same contents again").isEqualTo(2);
        ResponseEntity<JsonNode> bought = buy(alice, "ap-new", actionPack, 2);
        assertThat(bought.getStatusCode()).as(String.valueOf(bought.getBody())).isEqualTo(HttpStatus.CREATED);

        JsonNode rows = alice.get("/partners/" + partner + "/software?awaitPosition=" + bought.getBody().get("position").asLong())
                .get("rows");
        assertThat(rows.findValues("packageId").stream().map(JsonNode::asText).toList()).contains("ap-old", "ap-new");
        for (JsonNode row : rows) {
            assertThat(row.get("keysAllocated").asInt()).isEqualTo(row.get("packageId").asText().equals("ap-old") ? 2 : 5);
        }
        JsonNode first = alice.get("/catalogue/offerings/" + actionPack + "/versions/1");
        assertThat(first.get("current").asBoolean()).isFalse();
        assertThat(first.get("contents").get("software").get(0).get("keys").asInt()).isEqualTo(2);
        assertThat(alice.get("/catalogue/offerings/" + actionPack).get("version").asInt()).isEqualTo(2);
        assertThat(alice.get("/catalogue/offerings").get("offerings").findValuesAsText("offeringId")).contains(actionPack);
    }

    @Test
    void an_unknown_a_withdrawn_or_a_stale_pinned_offering_is_refused_and_nothing_is_recorded() {
        publish(actionPack, offering(3, 1));

        assertRefused(buy(alice, "ap-stale", actionPack, 1), "stale-offering-version");
        assertRefused(buy(alice, "ap-unknown", "no-such-offering", null), "unknown-offering");
        assertThat(operator.post("/catalogue/offerings/" + actionPack + "/withdrawal", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertRefused(buy(alice, "ap-withdrawn", actionPack, null), "offering-withdrawn");
        assertRefused(operator.post("/catalogue/offerings/" + actionPack + "/withdrawal", null), "offering-withdrawn");
        assertThat(alice.get("/catalogue/offerings/" + actionPack).get("onSale").asBoolean()).isFalse();
        for (String packageId : List.of("ap-stale", "ap-unknown", "ap-withdrawn")) {
            assertThat(eventsOf(packageId)).as(packageId).isZero();
        }
    }

    @Test
    void a_partner_may_not_change_what_an_offering_holds() {
        assertThat(alice.send(HttpMethod.PUT, "/catalogue/offerings/" + actionPack, offering(100_000, 1))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void a_second_action_pack_in_the_same_membership_year_is_refused_and_records_nothing() {
        assertThat(buy(alice, "ap-1", actionPack, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertRefused(buy(alice, "ap-2", actionPack, null), "purchase-limit-reached");
        assertThat(eventsOf("ap-2")).isZero();
    }

    @Test
    void a_refunded_action_pack_no_longer_counts_against_the_year() {
        buy(alice, "ap-1", actionPack, null);
        alice.post("/partners/" + partner + "/packages/ap-1/cancellation", "{\"serviceRequest\": \"SR-1\"}");

        assertThat(buy(alice, "ap-2", actionPack, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void of_purchases_of_an_action_pack_arriving_at_once_exactly_one_is_recorded() throws Exception {
        for (int round = 0; round < 3; round++) {
            LedgerClient admin = operator.registerPartner(partner + "-" + round, "");
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<ResponseEntity<JsonNode>>> purchases = IntStream.range(0, 4)
                    .mapToObj(n -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return buy(admin, "ap-" + n, actionPack, null);
                    })).toList();
            start.countDown();
            List<Integer> statuses = purchases.stream().map(CompletableFuture::join)
                    .map(answer -> answer.getStatusCode().value()).sorted().toList();

            assertThat(statuses).as("round " + round).containsExactly(201, 422, 422, 422);
            assertThat(jdbc.queryForObject("""
                    select count(*) from domain_event_entry where partner_id = ? and payload_type = ?""",
                    Long.class, partner + "-" + round, PackagePurchased.class.getName())).isEqualTo(1);
        }
    }

    @Test
    void a_purchase_of_an_offering_without_a_limit_waits_for_no_other_purchase_of_it() throws Exception {
        String unlimited = "unlimited-" + UUID.randomUUID();
        publish(unlimited, offering(2, null));

        try (Turn turn = new Turn(unlimited)) {
            CompletableFuture<ResponseEntity<JsonNode>> purchase = CompletableFuture.supplyAsync(
                    () -> buy(alice, "free-1", unlimited, null));

            await().atMost(Duration.ofSeconds(30)).until(purchase::isDone);
            assertThat(purchase.join().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
    }

    @Test
    void a_purchase_of_a_limited_offering_waits_for_the_partners_purchase_of_it_before_it() throws Exception {
        CompletableFuture<ResponseEntity<JsonNode>> purchase;
        try (Turn turn = new Turn(actionPack)) {
            purchase = CompletableFuture.supplyAsync(() -> buy(alice, "ap-1", actionPack, null));

            await().atMost(Duration.ofSeconds(30)).until(turn::awaited);
            assertThat(purchase).isNotDone();
        }
        assertThat(purchase.get(30, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    /**
     * Another purchase's turn on the partner's offering (MembershipYearTables' advisory lock), held by a transaction of
     * its own until closed.
     */
    final class Turn implements AutoCloseable {
        private final Connection connection;

        Turn(String offering) throws SQLException {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(24081, hashtext(?))")) {
                lock.setString(1, partner + "/" + offering);
                lock.execute();
            }
        }

        /** Whether a purchase waits for this turn. */
        boolean awaited() {
            return jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory' and not granted"
                                       + " and classid = 24081", Long.class) > 0;
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }

    @Test
    void a_purchase_recorded_before_the_catalogue_still_replays() {
        PartnerId contoso = new PartnerId(partner);
        PackagePurchased before = new PackagePurchased(new PackageId("legacy"), contoso, "Action Pack",
                Allocations.software(List.of(new LicensedProduct(new ProductId("office"), "Office", 3, List.of("en-US"),
                        List.of("x64"), "https://dl.example/{language}/{os}", ""))), new UserId("alice"), Instant.now());
        transactions.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>("BenefitPackage",
                AggregateId.of(contoso, "legacy").toString(), 0, before)));
        // as stored before the catalogue: no offering, no version, no year (the fields did not exist)
        jdbc.update("""
                update domain_event_entry set payload = convert_to(((convert_from(payload, 'UTF8')::jsonb)
                    - 'offering' - 'offeringVersion' - 'year' - 'renewalOf')::text, 'UTF8')
                where aggregate_identifier = ?""", partner + "/legacy");
        assertThat(jdbc.queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?",
                String.class, partner + "/legacy")).doesNotContain("offering");

        ResponseEntity<JsonNode> revealed = alice.post("/partners/" + partner + "/packages/legacy/software/office/keys",
                "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}");

        assertThat(revealed.getStatusCode()).as(String.valueOf(revealed.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(revealed.getBody().get("keys")).hasSize(1);
    }

    static void assertRefused(ResponseEntity<JsonNode> answer, String rule) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("type").asText()).isEqualTo("https://benefit-ledger.example/problems/" + rule);
    }
}
