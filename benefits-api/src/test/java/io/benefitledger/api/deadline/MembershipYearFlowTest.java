package io.benefitledger.api.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.BenefitLedgerApplication;
import io.benefitledger.benefit.OfferId;
import io.benefitledger.offer.ActivateOffer;
import io.benefitledger.offer.ConfirmOfferFulfilment;
import io.benefitledger.offer.DesignateMarketingContact;
import io.benefitledger.offer.LanguageTag;
import io.benefitledger.offer.OfferActivated;
import io.benefitledger.offer.PhoneNumber;
import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.Allocations;
import io.benefitledger.pkg.LicensedProduct;
import io.benefitledger.pkg.OfferingId;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.pkg.ProductId;
import io.benefitledger.pkg.PurchasePackage;
import io.benefitledger.pkg.RevealKeys;
import io.benefitledger.pkg.SeatAllocation;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Time as recorded facts, on the real service and database: a package's membership year ends at its anniversary and
 * its benefits expire after the grace, an offer expires at its expiry, each recorded once and stamped with its own
 * instant. Time is driven by sending the deadlines due at a chosen instant (the test clock of the schedule); the
 * histories lie in 2001, before any other test's, so no other test's deadline is due.
 */
@LedgerIntegrationTest
// A context and database of its own (a property no other class sets): this class sends every deadline due up to a
// year from now, which would reach the histories other classes record.
@TestPropertySource(properties = "ledger.deadlines.retry-after=61s")
class MembershipYearFlowTest {

    static final Instant T0 = Instant.parse("2001-03-01T09:00:00Z");
    static final UserId ALICE = new UserId("alice");

    @Autowired
    TestRestTemplate http;
    @Autowired
    CommandGateway commands;
    @Autowired
    DeadlineRunner deadlines;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;
    @Autowired
    Clock clock;

    String partner = "year-" + UUID.randomUUID();

    /** Registers the partner; the offering {@link #purchase} buys is published first (unchanged, it records nothing). */
    LedgerClient partnerWithQualifications(String qualifications) {
        LedgerClient operator = LedgerClient.operator(http);
        assertThat(operator.publish("action-pack", """
                {"name": "Action Pack",
                 "software": [{"productId": "office", "name": "Office", "keys": 10, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}],
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 1}],
                 "goToMarket": [{"offerId": "silver-marketing-kit", "name": "Silver marketing kit", "validityDays": 365,
                                 "qualifications": ["Silver Core"]}]}""").getBody().get("version").asInt()).isEqualTo(1);
        return operator.registerPartner(partner, qualifications);
    }

    void purchase(String packageId, Instant at) {
        commands.sendAndWait(new PurchasePackage(new PackageId(packageId), new PartnerId(partner), "Action Pack",
                new Allocations(List.of(new LicensedProduct(new ProductId("office"), "Office", 10, List.of("en-US"),
                        List.of("x64"), "https://dl.example/{language}/{os}", "")), List.of(), List.of(),
                        List.of(new SeatAllocation("vs", "Visual Studio Enterprise", 1)), List.of()), ALICE, at,
                new OfferingId("action-pack"), 1, null));
    }

    List<? extends DomainEventMessage<?>> events(String aggregate) {
        return eventStore.readEvents(partner + "/" + aggregate).asStream().toList();
    }

    List<DomainEventMessage<?>> eventsOfType(String aggregate, String type) {
        return events(aggregate).stream().filter(event -> event.getPayloadType().getSimpleName().equals(type))
                .<DomainEventMessage<?>>map(event -> event).toList();
    }

    @Test
    void the_year_ends_at_the_anniversary_once_even_when_two_nodes_send_the_deadlines_at_the_same_moment() throws Exception {
        partnerWithQualifications("");
        purchase("pkg", T0);
        Instant anniversary = T0.plus(Duration.ofDays(365));

        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> nodes = List.of(1, 2).stream().map(node -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return deadlines.runDue(anniversary);
        })).toList();
        int sent = nodes.stream().mapToInt(CompletableFuture::join).sum();

        assertThat(eventsOfType("pkg", "RenewalWindowOpened")).singleElement()
                .satisfies(event -> assertThat(event.getTimestamp()).isEqualTo(T0.plus(Duration.ofDays(335))));
        assertThat(eventsOfType("pkg", "MembershipYearEnded")).singleElement()
                .satisfies(event -> assertThat(event.getTimestamp()).isEqualTo(anniversary));
        assertThat(eventsOfType("pkg", "GracePeriodOver")).isEmpty();
        assertThat(sent).as("each deadline row is sent by one node").isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from deadline where command ->> 'packageId' is not null"
                                       + " and command -> 'partnerId' ->> 'value' = ?", Long.class, partner)).isEqualTo(1);
        assertThat(events("pkg").get(0).getMetaData().get("actingUser")).isNull();
        assertThat(eventsOfType("pkg", "MembershipYearEnded").get(0).getMetaData())
                .containsEntry("actingUser", DeadlineRunner.ACTOR);
    }

    @Test
    void unrenewed_the_benefits_expire_when_the_grace_is_over_and_the_tabs_show_it_from_the_record() {
        LedgerClient alice = partnerWithQualifications("");
        purchase("pkg", T0);
        Instant graceEnds = T0.plus(Duration.ofDays(395));

        deadlines.runDue(graceEnds);

        assertThat(eventsOfType("pkg", "PackageBenefitsExpired")).singleElement()
                .satisfies(event -> assertThat(event.getTimestamp()).isEqualTo(graceEnds));
        assertThat(eventsOfType("pkg:vs:1", "BenefitExpired")).singleElement()
                .satisfies(event -> assertThat(event.getTimestamp()).isEqualTo(graceEnds));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(alice.get("/partners/" + partner + "/software").at("/rows/0/status").asText()).isEqualTo("EXPIRED");
            assertThat(alice.get("/partners/" + partner + "/visual-studio").at("/rows/0/status").asText()).isEqualTo("EXPIRED");
        });
    }

    @Test
    void every_tab_row_shows_its_packages_year_and_where_the_year_stands_as_recorded() {
        LedgerClient alice = partnerWithQualifications("");
        purchase("pkg", T0);
        String software = "/partners/" + partner + "/software";
        String seats = "/partners/" + partner + "/visual-studio";

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(alice.get(software).at("/rows/0/membershipYear/start").asText()).isEqualTo(T0.toString());
            assertThat(alice.get(seats).at("/rows/0/membershipYear/status").asText()).isEqualTo("RUNNING");
        });
        JsonNode year = alice.get(seats).at("/rows/0/membershipYear");
        assertThat(year.get("renewalWindowOpens").asText()).isEqualTo(T0.plus(Duration.ofDays(335)).toString());
        assertThat(year.get("anniversary").asText()).isEqualTo(T0.plus(Duration.ofDays(365)).toString());
        assertThat(year.get("graceEnds").asText()).isEqualTo(T0.plus(Duration.ofDays(395)).toString());

        deadlines.runDue(T0.plus(Duration.ofDays(366)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(alice.get(software).at("/rows/0/membershipYear/status").asText()).isEqualTo("IN_GRACE"));
    }

    @Test
    void a_product_valid_from_activation_expires_a_year_after_its_first_reveal_recorded_once_at_that_instant() {
        LedgerClient alice = partnerWithQualifications("");
        commands.sendAndWait(new PurchasePackage(new PackageId("pkg"), new PartnerId(partner), "Action Pack",
                Allocations.software(List.of(new LicensedProduct(new ProductId("office"), "Office", 10, List.of("en-US"),
                        List.of("x64"), "https://dl.example/{language}/{os}", "", Duration.ofDays(365)))), ALICE, T0,
                new OfferingId("action-pack"), 1, null));
        Instant activated = T0.plus(Duration.ofDays(10));
        commands.sendAndWait(new RevealKeys(new PackageId("pkg"), new PartnerId(partner), new ProductId("office"), 1,
                "en-US", "x64", ALICE, activated));
        Instant expiry = activated.plus(Duration.ofDays(365));

        deadlines.runDue(expiry.minusMillis(1));
        assertThat(eventsOfType("pkg", "ProductExpired")).isEmpty();
        deadlines.runDue(expiry);
        deadlines.runDue(expiry.plus(Duration.ofDays(1)));

        assertThat(eventsOfType("pkg", "ProductExpired")).singleElement()
                .satisfies(event -> assertThat(event.getTimestamp()).isEqualTo(expiry));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode row = alice.get("/partners/" + partner + "/software").at("/rows/0");
            assertThat(row.get("status").asText()).isEqualTo("EXPIRED");
            assertThat(row.get("expiresAt").asText()).isEqualTo(expiry.toString());
        });
        var refused = alice.post("/partners/" + partner + "/packages/pkg/software/office/keys",
                "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}");
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("type").asText()).endsWith("/problems/product-expired");
    }

    @Test
    void a_purchase_of_the_offering_within_the_grace_continues_the_year_and_nothing_expires() {
        partnerWithQualifications("");
        purchase("first", T0);
        purchase("renewal", T0.plus(Duration.ofDays(380)));

        deadlines.runDue(T0.plus(Duration.ofDays(396)));

        assertThat(eventsOfType("first", "MembershipRenewed")).hasSize(1);
        assertThat(eventsOfType("first", "GracePeriodOver")).hasSize(1);
        assertThat(eventsOfType("first", "PackageBenefitsExpired")).isEmpty();
        assertThat(eventsOfType("renewal", "PackagePurchased")).singleElement().satisfies(event -> {
            PackagePurchased year = (PackagePurchased) event.getPayload();
            assertThat(year.renewalOf()).isEqualTo(new PackageId("first"));
            assertThat(year.year().start()).isEqualTo(T0.plus(Duration.ofDays(365)));
        });
    }

    @Test
    void a_purchase_after_the_grace_starts_a_fresh_year() {
        partnerWithQualifications("");
        purchase("first", T0);
        purchase("fresh", T0.plus(Duration.ofDays(395)).plusMillis(1));

        assertThat(eventsOfType("fresh", "PackagePurchased")).singleElement().satisfies(event -> {
            PackagePurchased year = (PackagePurchased) event.getPayload();
            assertThat(year.renewalOf()).isNull();
            assertThat(year.year().start()).isEqualTo(T0.plus(Duration.ofDays(395)).plusMillis(1));
        });
    }

    @Test
    void the_as_of_replay_shows_the_year_ended_from_its_anniversary_on_and_not_a_millisecond_before() {
        LedgerClient alice = partnerWithQualifications("");
        Instant purchasedAt = clock.instant();
        purchase("now", purchasedAt);
        Instant anniversary = purchasedAt.plus(Duration.ofDays(365));

        deadlines.runDue(anniversary);

        String asOf = "/partners/" + partner + "/audit/aggregates/now?at=";
        assertThat(alice.get(asOf + anniversary.minusMillis(1)).at("/state/passed").toString())
                .isEqualTo("[\"RENEWAL_WINDOW_OPENS\"]");
        assertThat(alice.get(asOf + anniversary).at("/state/passed").toString())
                .isEqualTo("[\"RENEWAL_WINDOW_OPENS\",\"YEAR_ENDS\"]");
    }

    @Test
    void an_offer_expires_at_its_expiry_the_tab_shows_it_from_the_record_and_the_as_of_replay_a_millisecond_after() {
        LedgerClient alice = partnerWithQualifications("\"Silver Core\"");
        Instant now = clock.instant();
        purchase("pkg", now);
        PartnerId id = new PartnerId(partner);
        OfferId kit = new OfferId("silver-marketing-kit");
        commands.sendAndWait(new DesignateMarketingContact(id, ALICE, new EmailAddress("alice@agency.example"),
                new PhoneNumber("+14255550100"), new LanguageTag("en-US"), ALICE, now));
        commands.sendAndWait(new ActivateOffer(id, kit, ALICE, now));
        commands.sendAndWait(new ConfirmOfferFulfilment(id, kit, "GTM-1", now));
        Instant expiresAt = ((OfferActivated) eventsOfType("go-to-market", "OfferActivated").get(0).getPayload()).expiresAt();

        deadlines.runDue(expiresAt.minusMillis(1));
        assertThat(eventsOfType("go-to-market", "OfferExpired")).isEmpty();
        deadlines.runDue(expiresAt);

        assertThat(eventsOfType("go-to-market", "OfferExpired")).singleElement()
                .satisfies(event -> assertThat(event.getTimestamp()).isEqualTo(expiresAt));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                alice.get("/partners/" + partner + "/go-to-market").at("/offers/0/status").asText()).isEqualTo("EXPIRED"));
        String asOf = "/partners/" + partner + "/audit/aggregates/go-to-market?at=";
        assertThat(alice.get(asOf + expiresAt.minusMillis(1)).at("/state/offers/silver-marketing-kit/status").asText())
                .isEqualTo("ACTIVE");
        assertThat(alice.get(asOf + expiresAt.plusMillis(1)).at("/state/offers/silver-marketing-kit/status").asText())
                .isEqualTo("EXPIRED");
    }

    @Test
    void the_upcoming_report_lists_a_years_end_within_the_window_and_its_benefits_expiry_only_in_a_longer_one() {
        LedgerClient alice = partnerWithQualifications("");
        Instant purchasedAt = clock.instant().minus(Duration.ofDays(340));
        purchase("ending", purchasedAt);

        String report = "/reports/upcoming?partner=" + partner + "&withinDays=";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(alice.get(report + 30).get("rows")).hasSize(1));
        JsonNode within30 = alice.get(report + 30);
        assertThat(within30.at("/rows/0/kind").asText()).isEqualTo("YEAR_ENDS");
        assertThat(within30.at("/rows/0/subject").asText()).isEqualTo("ending");
        assertThat(Instant.parse(within30.at("/rows/0/at").asText())).isEqualTo(purchasedAt.plus(Duration.ofDays(365)));
        JsonNode within60 = alice.get(report + 60);
        assertThat(within60.get("rows")).extracting(row -> row.get("kind").asText())
                .containsExactly("YEAR_ENDS", "BENEFITS_EXPIRE");
        assertThat(within60.get("total").asLong()).isEqualTo(2);
    }

    @Test
    void a_node_started_after_the_deadline_was_scheduled_sends_it_the_schedule_lives_in_the_database() {
        partnerWithQualifications("");
        purchase("pkg", T0);
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(BenefitLedgerApplication.class)
                .run("--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                        "--ledger.security.mode=local", "--ledger.deadlines.polling=false", "--server.port=0")) {
            restarted.getBean(DeadlineRunner.class).runDue(T0.plus(Duration.ofDays(365)));
        }

        assertThat(eventsOfType("pkg", "MembershipYearEnded")).singleElement()
                .satisfies(event -> assertThat(event.getTimestamp()).isEqualTo(T0.plus(Duration.ofDays(365))));
    }
}
