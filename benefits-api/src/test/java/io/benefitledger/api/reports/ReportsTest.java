package io.benefitledger.api.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
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
import static org.awaitility.Awaitility.await;

/**
 * Reporting teams read across the partners they are granted, from the tabs' read models: utilisation, offers about to
 * expire, packages still refundable, and what waits for activation; each paged, sorted, filtered, and as CSV.
 */
@LedgerIntegrationTest
class ReportsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    String contoso;
    String fabrikam;
    String stranger;
    LedgerClient rita;
    LedgerClient contosoAdmin;
    LedgerClient fabrikamAdmin;
    LedgerClient strangerAdmin;
    String c1;
    String f1;

    @BeforeEach
    void twoGrantedPartnersAndOneThatIsNot() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        contoso = "contoso-" + run;
        fabrikam = "fabrikam-" + run;
        stranger = "stranger-" + run;
        c1 = "c1-" + run;
        f1 = "f1-" + run;
        LedgerClient operator = LedgerClient.operator(http);
        contosoAdmin = operator.registerPartner(contoso, "\"Silver Core\"");
        fabrikamAdmin = operator.registerPartner(fabrikam, "");
        strangerAdmin = operator.registerPartner(stranger, "");
        rita = operator.reader("rita", "REPORTING", contoso, fabrikam);

        contosoAdmin.purchase("/partners/" + contoso + "/packages", """
                {"packageId": "%s", "packageType": "Silver Core",
                 "software": [{"productId": "office", "name": "Office", "keys": 3, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}],
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 2}],
                 "technical": [{"allocationId": "advisory", "name": "Advisory hours", "quantity": 8, "unit": "HOUR"}]}""".formatted(c1));
        contosoAdmin.post("/partners/" + contoso + "/packages/" + c1 + "/software/office/keys",
                "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}");
        contosoAdmin.post("/partners/" + contoso + "/subscriptions/" + c1 + ":vs:1/assignment", "{\"userId\": \"alice\"}");
        contosoAdmin.post("/partners/" + contoso + "/subscriptions/" + c1 + ":advisory/assignment",
                "{\"userId\": \"alice\", \"alternativeEmail\": \"a@mail.example\"}");
        contosoAdmin.send(HttpMethod.PUT, "/partners/" + contoso + "/go-to-market/contact", """
                {"userId": "alice", "alternativeEmail": "alice@agency.example", "phone": "+14255550100", "preferredLanguage": "en-US"}""");
        contosoAdmin.post("/partners/" + contoso + "/go-to-market/offers/silver-marketing-kit/activation", null);

        fabrikamAdmin.purchase("/partners/" + fabrikam + "/packages", """
                {"packageId": "%s", "packageType": "Action Pack",
                 "software": [{"productId": "office", "name": "=HYPERLINK(\\"https://evil.example\\")", "keys": 5,
                               "languages": ["en-US"], "operatingSystems": ["x64"],
                               "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]}""".formatted(f1));
        strangerAdmin.purchase("/partners/" + stranger + "/packages", """
                {"packageId": "s1-%s", "packageType": "Action Pack",
                 "software": [{"productId": "office", "name": "Office", "keys": 9, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]}""".formatted(run));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(rita.get("/reports/utilisation").get("rows")).hasSize(4);
            assertThat(rita.get("/reports/activation-backlog").get("rows")).hasSize(2);
            // the refund projection runs apart from the others: wait until it has seen c1's key revealed too
            assertThat(rita.get("/reports/refundable-packages").get("rows").findValuesAsText("packageId")).containsExactly(f1);
        });
    }

    @Test
    void utilisation_counts_allocated_used_and_remaining_per_partner_category_and_product_of_granted_partners_only() {
        List<String> rows = new ArrayList<>();
        rita.get("/reports/utilisation").get("rows").forEach(row -> rows.add(String.join(" ", row.get("partnerId").asText(),
                row.get("category").asText(), row.get("product").asText(), row.get("allocated").asText(),
                row.get("used").asText(), row.get("remaining").asText(), row.get("unit").asText())));
        assertThat(rows).containsExactly(
                contoso + " SOFTWARE Office 3 1 2 keys",
                contoso + " TECHNICAL Advisory hours 8 0 8 hours",
                contoso + " VISUAL_STUDIO Visual Studio Enterprise 2 1 1 seats",
                fabrikam + " SOFTWARE =HYPERLINK(\"https://evil.example\") 5 0 5 keys");

        JsonNode mostRemaining = rita.get("/reports/utilisation?sort=remaining&direction=desc&size=1&page=0");
        assertThat(mostRemaining.get("total").asInt()).isEqualTo(4);
        assertThat(mostRemaining.at("/rows/0/remaining").asInt()).isEqualTo(8);
        JsonNode second = rita.get("/reports/utilisation?sort=remaining&direction=desc&size=1&page=1");
        assertThat(second.at("/rows/0/remaining").asInt()).isEqualTo(5);
        JsonNode pastTheEnd = rita.get("/reports/utilisation?size=10&page=3");
        assertThat(pastTheEnd.get("rows")).isEmpty();
        assertThat(pastTheEnd.get("total").asInt()).isEqualTo(4);

        assertThat(rita.get("/reports/utilisation?category=SOFTWARE").get("total").asInt()).isEqualTo(2);
        assertThat(rita.get("/reports/utilisation?partner=" + fabrikam).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void the_kept_counts_are_what_the_tabs_benefits_add_up_to_after_an_assignment_is_removed_and_a_package_refunded() {
        contosoAdmin.send(HttpMethod.DELETE, "/partners/" + contoso + "/subscriptions/" + c1 + ":vs:1/assignment", null);
        fabrikamAdmin.post("/partners/" + fabrikam + "/packages/" + f1 + "/cancellation", "{\"serviceRequest\": \"SR-4\"}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(counted()).contains(contoso + " VISUAL_STUDIO Visual Studio Enterprise seats 2 0");
            assertThat(rita.get("/reports/utilisation").get("rows").findValuesAsText("partnerId")).doesNotContain(fabrikam);
        });
        assertThat(counted()).isEqualTo(addedUpFromTheTabs()).hasSize(3);
    }

    List<String> counted() {
        return jdbc.queryForList("""
                select concat_ws(' ', partner_id, category, product, unit, allocated, used) from utilisation
                where partner_id in (?, ?) and benefits > 0 order by 1""", String.class, contoso, fabrikam);
    }

    /** The report as it was answered before the counts were kept: every benefit of the tabs added up. */
    List<String> addedUpFromTheTabs() {
        return jdbc.queryForList("""
                select concat_ws(' ', partner_id, tab, name, lower(unit) || 's', sum(quantity), sum(used))
                from benefit where status <> 'REVOKED' and partner_id in (?, ?)
                group by partner_id, tab, name, unit order by 1""",
                String.class, contoso, fabrikam);
    }

    @Test
    void packages_still_refundable_are_listed_with_their_deadline_and_an_activated_one_is_not() {
        JsonNode refundable = rita.get("/reports/refundable-packages");
        assertThat(refundable.get("total").asInt()).isEqualTo(1);
        JsonNode row = refundable.at("/rows/0");
        assertThat(row.get("packageId").asText()).isEqualTo(f1);
        assertThat(Instant.parse(row.get("deadline").asText()))
                .isEqualTo(Instant.parse(row.get("purchasedAt").asText()).plus(Duration.ofDays(30)));
        assertThat(Duration.parse(row.get("timeLeft").asText())).isBetween(Duration.ofDays(29), Duration.ofDays(30));
    }

    @Test
    void the_activation_backlog_lists_pending_technical_benefits_and_offers_oldest_first_with_their_age() {
        JsonNode backlog = rita.get("/reports/activation-backlog");
        assertThat(backlog.get("rows").findValuesAsText("kind")).containsExactly("TECHNICAL", "OFFER");
        assertThat(backlog.get("rows").findValuesAsText("id")).containsExactly(c1 + ":advisory", "silver-marketing-kit");
        assertThat(Duration.parse(backlog.at("/rows/0/age").asText()).isNegative()).isFalse();
        assertThat(rita.get("/reports/activation-backlog?kind=OFFER").get("total").asInt()).isEqualTo(1);

        LedgerClient.operator(http).post("/partners/" + contoso + "/go-to-market/offers/silver-marketing-kit/fulfilment",
                "{\"fulfilmentReference\": \"F-7\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> rita.get("/reports/activation-backlog").get("total").asInt() == 1);
        assertThat(rita.get("/reports/expiring-offers?withinDays=30").get("total").asInt()).isZero();
        JsonNode expiring = rita.get("/reports/expiring-offers?withinDays=366");
        assertThat(expiring.at("/rows/0/offerId").asText()).isEqualTo("silver-marketing-kit");
        assertThat(Duration.parse(expiring.at("/rows/0/timeLeft").asText())).isBetween(Duration.ofDays(364), Duration.ofDays(365));
    }

    @Test
    void each_report_exports_as_csv_whole_and_a_formula_in_a_name_is_defused() {
        ResponseEntity<String> csv = csv("/reports/utilisation.csv?sort=product");
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody().split("\r\n")).containsExactly(
                "partnerId,category,product,unit,allocated,used,remaining",
                fabrikam + ",SOFTWARE,\"'=HYPERLINK(\"\"https://evil.example\"\")\",keys,5,0,5",
                contoso + ",TECHNICAL,Advisory hours,hours,8,0,8",
                contoso + ",SOFTWARE,Office,keys,3,1,2",
                contoso + ",VISUAL_STUDIO,Visual Studio Enterprise,seats,2,1,1");
        assertThat(csv("/reports/refundable-packages.csv").getBody()).contains(fabrikam + "," + f1 + ",");
        assertThat(csv("/reports/activation-backlog.csv").getBody().split("\r\n")).hasSize(3);
        assertThat(csv("/reports/expiring-offers.csv").getBody().split("\r\n")).hasSize(1);
    }

    @Test
    void a_partner_not_granted_is_not_found_a_bad_sort_is_refused_and_a_partners_admin_sees_only_its_own() {
        assertThat(rita.send(HttpMethod.GET, "/reports/utilisation?partner=" + stranger, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> badSort = rita.send(HttpMethod.GET, "/reports/utilisation?sort=password", null);
        assertThat(badSort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badSort.getBody().get("detail").asText()).contains("remaining");
        assertThat(rita.send(HttpMethod.GET, "/reports/expiring-offers?withinDays=0", null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rita.send(HttpMethod.GET, "/reports/utilisation.csv?sort=nope", null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        await().atMost(Duration.ofSeconds(10)).until(() -> strangerAdmin.get("/reports/utilisation").get("total").asInt() == 1);
        assertThat(strangerAdmin.get("/reports/utilisation").at("/rows/0/partnerId").asText()).isEqualTo(stranger);
        assertThat(strangerAdmin.send(HttpMethod.GET, "/reports/utilisation?partner=" + contoso, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(LedgerClient.operator(http).send(HttpMethod.GET, "/reports/utilisation", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    ResponseEntity<String> csv(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(rita.token());
        ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response;
    }
}
