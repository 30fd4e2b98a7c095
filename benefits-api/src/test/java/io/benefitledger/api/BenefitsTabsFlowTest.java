package io.benefitledger.api;

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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Benefits tab's flow from the domain brief, over HTTP on a real PostgreSQL. Reads name the position their
 * command answered with, so every read sees the write before it.
 */
@LedgerIntegrationTest
class BenefitsTabsFlowTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    final String partner = "contoso-" + UUID.randomUUID();
    final String packageId = "pkg-" + UUID.randomUUID().toString().substring(0, 8);
    LedgerClient operator;
    LedgerClient alice;

    @BeforeEach
    void registerPartnerWithItsUsers() {
        operator = LedgerClient.operator(http);
        alice = operator.registerPartner(partner, "\"Silver Core\"");
        alice.addUser("dave", "ADMIN_AGENT");
        alice.addUser("mia", "MPN_PARTNER_ADMIN");
    }

    long purchase(String allocations) {
        ResponseEntity<JsonNode> purchased = alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "%s", "packageType": "Silver Core", %s}""".formatted(packageId, allocations));
        assertThat(purchased.getStatusCode()).as(String.valueOf(purchased.getBody())).isEqualTo(HttpStatus.CREATED);
        return purchased.getBody().get("position").asLong();
    }

    /** Each row's own status (a row's membership year has a status of its own). */
    static List<String> statuses(JsonNode rows) {
        List<String> statuses = new ArrayList<>();
        rows.forEach(row -> statuses.add(row.get("status").asText()));
        return statuses;
    }

    long accepted(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return response.getBody().get("position").asLong();
    }

    static void refused(ResponseEntity<JsonNode> response, HttpStatus status, String rule) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getBody().get("rule").asText()).isEqualTo(rule);
    }

    String tab(String tab, long position) {
        return "/partners/" + partner + "/" + tab + "?awaitPosition=" + position;
    }

    String subscription(String suffix) {
        return "/partners/" + partner + "/subscriptions/" + packageId + ":" + suffix;
    }

    long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    @Test
    void visual_studio_seats_are_assigned_by_a_global_admin_and_reassigned_as_remove_then_assign() {
        long purchased = purchase("""
                "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 2}]""");
        JsonNode seats = alice.get(tab("visual-studio", purchased));
        assertThat(seats.get("total").asInt()).isEqualTo(2);
        assertThat(statuses(seats.get("rows"))).containsOnly("AVAILABLE");

        long before = events();
        refused(alice.as("dave", "ADMIN_AGENT").post(subscription("vs:1") + "/assignment", "{\"userId\": \"dave\"}"),
                HttpStatus.FORBIDDEN, "not-permitted");
        assertThat(events()).isEqualTo(before);

        long assigned = accepted(alice.post(subscription("vs:1") + "/assignment", "{\"userId\": \"dave\"}"));
        JsonNode seat = alice.get(tab("visual-studio", assigned)).get("rows").get(0);
        assertThat(seat.get("assignedUser").asText()).isEqualTo("dave");
        assertThat(seat.get("status").asText()).isEqualTo("ACTIVE");

        refused(alice.post(subscription("vs:1") + "/assignment", "{\"userId\": \"mia\"}"),
                HttpStatus.UNPROCESSABLE_ENTITY, "seat-taken");
        accepted(alice.send(HttpMethod.DELETE, subscription("vs:1") + "/assignment", null));
        long reassigned = accepted(alice.post(subscription("vs:1") + "/assignment", "{\"userId\": \"mia\"}"));
        JsonNode tab = alice.get(tab("visual-studio", reassigned));
        assertThat(tab.get("rows").get(0).get("assignedUser").asText()).isEqualTo("mia");
        assertThat(tab.get("assigned").asInt()).isEqualTo(1);
        JsonNode free = alice.get(tab("visual-studio", reassigned) + "&status=AVAILABLE&size=1");
        assertThat(free.get("total").asInt()).isEqualTo(1);
        assertThat(free.get("rows").get(0).get("subscriptionId").asText()).endsWith(":vs:2");
        assertThat(alice.send(HttpMethod.GET, tab("visual-studio", reassigned) + "&status=SOLD", null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void the_cloud_tab_shows_usage_based_subscriptions_assigned_to_yourself_and_license_based_keys() {
        long purchased = purchase("""
                "cloudUsage": [{"allocationId": "azure", "name": "Azure sponsorship"}],
                "cloudLicenses": [{"productId": "dynamics", "name": "Dynamics 365", "keys": 1, "languages": ["en-US"],
                                   "operatingSystems": ["cloud"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]""");
        assertThat(alice.get(tab("cloud", purchased)).get("total").asInt()).isEqualTo(2);

        refused(alice.post(subscription("azure") + "/assignment", "{\"userId\": \"dave\"}"),
                HttpStatus.UNPROCESSABLE_ENTITY, "assign-yourself");
        long assigned = accepted(alice.post(subscription("azure") + "/assignment", "{\"userId\": \"alice\"}"));
        ResponseEntity<JsonNode> revealed = alice.post("/partners/" + partner + "/packages/" + packageId
                                                       + "/software/dynamics/keys",
                "{\"language\": \"en-US\", \"operatingSystem\": \"cloud\"}");
        long keys = accepted(revealed);

        JsonNode rows = alice.get(tab("cloud", Math.max(assigned, keys))).get("rows");
        assertThat(statuses(rows)).containsOnly("ACTIVE");
        assertThat(rows.findValuesAsText("assignedUser")).contains("alice");
        JsonNode decision = alice.get("/partners/" + partner + "/packages/" + packageId + "/refund-eligibility?awaitPosition=" + keys);
        assertThat(decision.get("eligible").asBoolean()).as("a license-based cloud key reveal activates software").isFalse();
    }

    @Test
    void a_technical_benefit_is_pending_until_fulfilled_and_never_drawn_beyond_its_hours() {
        long purchased = purchase("""
                "technical": [{"allocationId": "advisory", "name": "Partner advisory hours", "quantity": 10, "unit": "HOUR"}]""");
        assertThat(alice.get(tab("technical", purchased)).get("rows").get(0).get("remaining").asInt()).isEqualTo(10);

        refused(alice.post(subscription("advisory") + "/assignment",
                        "{\"userId\": \"dave\", \"alternativeEmail\": \"ADMIN@" + partner.toUpperCase() + ".example\"}"),
                HttpStatus.UNPROCESSABLE_ENTITY, "alternative-email-is-company-email");
        long assigned = accepted(alice.post(subscription("advisory") + "/assignment",
                "{\"userId\": \"dave\", \"alternativeEmail\": \"dave.personal@mail.example\"}"));
        JsonNode pending = alice.get(tab("technical", assigned)).get("rows").get(0);
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.get("pendingSince").isNull()).isFalse();

        String draw = "{\"phase\": \"DESIGN\", \"description\": \"architecture review\", \"amount\": 10}";
        refused(alice.as("dave", "ADMIN_AGENT").post(subscription("advisory") + "/draws", draw), HttpStatus.UNPROCESSABLE_ENTITY,
                "benefit-not-active");
        accepted(operator.post(subscription("advisory") + "/fulfilment", "{\"fulfilmentReference\": \"FUL-1\"}"));
        long drawn = accepted(alice.as("dave", "ADMIN_AGENT").post(subscription("advisory") + "/draws", draw));
        refused(alice.as("dave", "ADMIN_AGENT").post(subscription("advisory") + "/draws",
                        "{\"phase\": \"DESIGN\", \"description\": \"one more\", \"amount\": 1}"),
                HttpStatus.UNPROCESSABLE_ENTITY, "balance-exceeded");

        JsonNode active = alice.get(tab("technical", drawn)).get("rows").get(0);
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.get("remaining").asInt()).isZero();
    }

    @Test
    void go_to_market_offers_need_a_marketing_contact_then_activate_and_show_their_expiry() {
        long purchased = purchase("""
                "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 1}]""");
        JsonNode offer = alice.get(tab("go-to-market", purchased)).get("offers").get(0);
        assertThat(offer.get("offerId").asText()).isEqualTo("silver-marketing-kit");
        assertThat(offer.get("status").asText()).isEqualTo("AVAILABLE");

        String gtm = "/partners/" + partner + "/go-to-market";
        refused(alice.as("mia", "MPN_PARTNER_ADMIN").post(gtm + "/offers/silver-marketing-kit/activation", null),
                HttpStatus.UNPROCESSABLE_ENTITY, "no-marketing-contact");
        ResponseEntity<JsonNode> badPhone = alice.as("mia", "MPN_PARTNER_ADMIN").send(HttpMethod.PUT, gtm + "/contact", """
                {"userId": "mia", "alternativeEmail": "mia@agency.example", "phone": "555-0100", "preferredLanguage": "en-US"}""");
        assertThat(badPhone.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        accepted(alice.as("mia", "MPN_PARTNER_ADMIN").send(HttpMethod.PUT, gtm + "/contact", """
                {"userId": "mia", "alternativeEmail": "mia@agency.example", "phone": "+14255550100", "preferredLanguage": "zh-TW"}"""));
        refused(alice.as("dave", "ADMIN_AGENT").post(gtm + "/offers/silver-marketing-kit/activation", null), HttpStatus.FORBIDDEN,
                "not-permitted");
        long requested = accepted(alice.as("mia", "MPN_PARTNER_ADMIN").post(gtm + "/offers/silver-marketing-kit/activation", null));
        assertThat(alice.get(tab("go-to-market", requested)).get("offers").get(0).get("status").asText()).isEqualTo("PENDING");

        long activated = accepted(operator.post(gtm + "/offers/silver-marketing-kit/fulfilment", "{\"fulfilmentReference\": \"F-7\"}"));
        JsonNode tab = alice.get(tab("go-to-market", activated));
        assertThat(tab.get("marketingContact").get("preferredLanguage").asText()).isEqualTo("zh-TW");
        JsonNode active = tab.get("offers").get(0);
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(Duration.between(Instant.parse(active.get("activatedAt").asText()),
                Instant.parse(active.get("expiresAt").asText()))).isEqualTo(Duration.ofDays(365));
        accepted(alice.as("mia", "MPN_PARTNER_ADMIN").post(gtm + "/offers/silver-marketing-kit/uses", "{\"purpose\": \"spring campaign\"}"));
    }

    @Test
    void a_refunded_cancellation_revokes_seats_and_withdraws_offers_and_nothing_more_can_be_done() {
        long purchased = purchase("""
                "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 1}],
                "technical": [{"allocationId": "support", "name": "Support incidents", "quantity": 5, "unit": "INCIDENT"}]""");
        accepted(alice.post(subscription("vs:1") + "/assignment", "{\"userId\": \"dave\"}"));

        ResponseEntity<JsonNode> cancelled = alice.post("/partners/" + partner + "/packages/" + packageId + "/cancellation",
                "{\"serviceRequest\": \"SR-42\"}");
        long refund = accepted(cancelled);
        assertThat(cancelled.getBody().get("outcome").asText()).isEqualTo("cancelled-with-refund");

        JsonNode seat = alice.get(tab("visual-studio", refund)).get("rows").get(0);
        assertThat(seat.get("status").asText()).isEqualTo("REVOKED");
        assertThat(seat.get("assignedUser").isNull()).isTrue();
        assertThat(alice.get(tab("technical", refund)).get("rows").get(0).get("status").asText()).isEqualTo("REVOKED");
        assertThat(alice.get(tab("go-to-market", refund)).get("offers").get(0).get("status").asText()).isEqualTo("REVOKED");
        refused(alice.post(subscription("vs:1") + "/assignment", "{\"userId\": \"mia\"}"),
                HttpStatus.UNPROCESSABLE_ENTITY, "subscription-revoked");
        ResponseEntity<JsonNode> again = alice.post("/partners/" + partner + "/packages/" + packageId + "/cancellation",
                "{\"serviceRequest\": \"SR-43\"}");
        accepted(again);
        assertThat(again.getBody().get("outcome").asText()).isEqualTo("denied");
        assertThat(again.getBody().at("/decision/findings/2/condition").asText()).isEqualTo("not-already-cancelled");
        assertThat(again.getBody().at("/decision/findings/2/holds").asBoolean()).isFalse();
        assertThat(purchased).isLessThan(refund);
    }

    @Test
    void one_seat_cancelled_with_a_refund_is_revoked_alone_and_asked_again_is_denied_on_the_record() {
        purchase("""
                "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 2}]""");
        accepted(alice.post(subscription("vs:2") + "/assignment", "{\"userId\": \"dave\"}"));
        String seat = packageId + ":vs:2";
        String cancellation = "/partners/" + partner + "/packages/" + packageId + "/benefits/" + seat + "/cancellation";

        ResponseEntity<JsonNode> cancelled = alice.post(cancellation, "{\"serviceRequest\": \"SR-51\"}");
        long refund = accepted(cancelled);
        assertThat(cancelled.getBody().get("outcome").asText()).isEqualTo("cancelled-with-refund");
        JsonNode seats = alice.get(tab("visual-studio", refund)).get("rows");
        assertThat(statuses(seats)).containsExactly("AVAILABLE", "REVOKED");
        assertThat(seats.get(1).get("subscriptionId").asText()).isEqualTo(seat);

        ResponseEntity<JsonNode> again = alice.post(cancellation, "{\"serviceRequest\": \"SR-52\"}");
        accepted(again);
        assertThat(again.getBody().get("outcome").asText()).isEqualTo("denied");
        ResponseEntity<JsonNode> noSuchSeat = alice.post("/partners/" + partner + "/packages/" + packageId + "/benefits/"
                                                         + packageId + ":vs:9/cancellation", "{\"serviceRequest\": \"SR-53\"}");
        assertThat(noSuchSeat.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(noSuchSeat.getBody().get("type").asText()).endsWith("/problems/not-found");
    }

    @Test
    void one_offer_cancelled_with_a_refund_is_withdrawn_alone_and_one_the_package_did_not_grant_is_not_found() {
        purchase("""
                "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 1}],
                "goToMarket": [{"offerId": "silver-marketing-kit", "name": "Silver marketing kit", "validityDays": 365,
                                "qualifications": ["Silver Core"]},
                               {"offerId": "silver-webinar", "name": "Silver webinar", "validityDays": 90,
                                "qualifications": ["Silver Core"]}]""");
        String offers = "/partners/" + partner + "/packages/" + packageId + "/offers/";

        ResponseEntity<JsonNode> cancelled = alice.post(offers + "silver-webinar/cancellation", "{\"serviceRequest\": \"SR-61\"}");
        long refund = accepted(cancelled);
        assertThat(cancelled.getBody().get("outcome").asText()).isEqualTo("cancelled-with-refund");
        JsonNode tab = alice.get(tab("go-to-market", refund)).get("offers");
        assertThat(tab.findValuesAsText("offerId")).containsExactly("silver-marketing-kit", "silver-webinar");
        assertThat(statuses(tab)).containsExactly("AVAILABLE", "REVOKED");
        assertThat(alice.get(tab("visual-studio", refund)).at("/rows/0/status").asText()).isEqualTo("AVAILABLE");

        ResponseEntity<JsonNode> again = alice.post(offers + "silver-webinar/cancellation", "{\"serviceRequest\": \"SR-62\"}");
        accepted(again);
        assertThat(again.getBody().get("outcome").asText()).isEqualTo("denied");
        assertThat(again.getBody().at("/decision/findings/2/condition").asText()).isEqualTo("not-already-cancelled");
        assertThat(again.getBody().at("/decision/findings/2/evidence/0/eventType").asText()).isEqualTo("OfferCancelled");

        ResponseEntity<JsonNode> notGranted = alice.post(offers + "gold-campaign-in-a-box/cancellation",
                "{\"serviceRequest\": \"SR-63\"}");
        assertThat(notGranted.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(notGranted.getBody().get("type").asText()).endsWith("/problems/not-found");
    }
}
