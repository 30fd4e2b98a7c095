package io.benefitledger.api.console;

import io.benefitledger.testsupport.Browser;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import io.benefitledger.testsupport.Purchases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Benefits page in a real browser (Debian's Chromium, headless): each tab's flow of the seed page, as the
 * people of the domain brief do it. One browser for the class, signed out between tests; a screenshot of each page
 * is kept under target/screenshots.
 */
@LedgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;

    final String partner = "contoso-" + UUID.randomUUID().toString().substring(0, 8);
    final String actionPack = "action-pack";
    final String silver = "silver";
    Browser browser;
    WebDriver page;
    LedgerClient alice;
    LedgerClient operator;

    /** What the browser showed when a test failed, beside the other screenshots. */
    @RegisterExtension
    final TestWatcher failure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext test, Throwable cause) {
            if (browser != null) {
                browser.screenshot("failed-" + test.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    void partnerWithAPackageAndABrowser() {
        browser = Browser.start("en-US");
        page = browser.driver();
        alice = LedgerClient.operator(http).registerPartner(partner, "\"Silver Core\"");
        alice.addUser("dave", "ADMIN_AGENT");
        alice.addUser("mia", "MPN_PARTNER_ADMIN");
        Purchases.purchase(alice, partner, actionPack, """
                "software": [{"productId": "windows-server", "name": "Windows Server 2025", "keys": 2,
                              "languages": ["en-US", "de-DE"], "operatingSystems": ["x64"],
                              "downloadUrlTemplate": "https://downloads.example/windows-server/{language}/{os}",
                              "specialInstructions": "Activate within 30 days."}],
                "cloudLicenses": [{"productId": "dynamics", "name": "Dynamics 365", "keys": 1, "languages": ["en-US"],
                                   "operatingSystems": ["cloud"], "downloadUrlTemplate": "https://dl.example/{language}/{os}",
                                   "specialInstructions": "Sign in to the admin center."}]""");
        Purchases.purchase(alice, partner, silver, """
                "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 2}],
                "cloudUsage": [{"allocationId": "azure", "name": "Azure sponsorship"}],
                "technical": [{"allocationId": "advisory", "name": "Partner advisory hours", "quantity": 10, "unit": "HOUR"}]""");
        operator = LedgerClient.operator(http);
        for (String refundable : List.of("refund-me", "kept")) {
            Purchases.purchase(alice, partner, refundable, """
                    "software": [{"productId": "office", "name": "Office", "keys": 1, "languages": ["en-US"],
                                  "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]""");
        }
        Purchases.purchase(alice, partner, "audited", """
                "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Professional", "seats": 1}]""");
        long revealed = alice.post("/partners/" + partner + "/packages/kept/software/office/keys",
                "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}").getBody().get("position").asLong();
        alice.get("/partners/" + partner + "/refund-eligibility?awaitPosition=" + revealed);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signedOut() {
        page.manage().deleteAllCookies();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void signIn(String user, String partnerId, List<String> roles, String grantedPartners) {
        page.manage().deleteAllCookies();
        page.get(url("/"));
        assertThat(page.getCurrentUrl()).endsWith("/console/sign-in");
        page.findElement(By.id("userId")).sendKeys(user);
        if (partnerId != null) {
            page.findElement(By.id("partnerId")).sendKeys(partnerId);
        }
        roles.forEach(role -> page.findElement(By.id("role-" + role)).click());
        if (grantedPartners != null) {
            page.findElement(By.id("partners")).sendKeys(grantedPartners);
        }
        press(page.findElement(By.id("sign-in-submit")));
    }

    /** Presses a button or follows a link, and waits until the page it leads to has replaced this one. */
    void press(WebElement control) {
        control.click();
        replaced(control);
    }

    /**
     * Waits until the element's page has been replaced. Chromedriver says so with a stale element, or, when asked
     * while the old document goes, with an error that the node no longer belongs to the document.
     */
    void replaced(WebElement element) {
        new WebDriverWait(page, Duration.ofSeconds(15)).until(driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException going) {
                if (String.valueOf(going.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw going;
            }
        });
    }

    WebElement row(String id) {
        WebElement row = page.findElement(By.id("row-" + id));
        row.findElement(By.tagName("summary")).click();
        return row;
    }

    @Test
    void a_global_admin_signs_in_and_gets_keys_for_a_language_and_an_operating_system() {
        page.get(url("/"));
        browser.screenshot("sign-in");
        signIn("alice", partner, List.of("GLOBAL_ADMIN"), null);

        assertThat(page.getCurrentUrl()).endsWith("/console/partners/" + partner + "/software");
        assertThat(page.findElement(By.id("signed-in")).getText()).isEqualTo("Signed in as alice");
        WebElement product = row(actionPack + "-windows-server");
        assertThat(product.getText()).contains("Windows Server 2025", "2 / 2", "Available", "Activate within 30 days.");
        browser.screenshot("software");

        new Select(product.findElement(By.name("language"))).selectByValue("de-DE");
        new Select(product.findElement(By.name("operatingSystem"))).selectByValue("x64");
        press(product.findElement(By.className("get-keys-button")));

        WebElement revealed = page.findElement(By.id("revealed"));
        assertThat(revealed.findElements(By.className("key"))).hasSize(1);
        assertThat(page.findElement(By.id("download")).getAttribute("href"))
                .isEqualTo("https://downloads.example/windows-server/de-DE/x64");
        assertThat(page.findElement(By.id("revealed-instructions")).getText()).isEqualTo("Activate within 30 days.");
        assertThat(page.findElement(By.id("row-" + actionPack + "-windows-server")).getText()).contains("1 / 2", "Active");
        browser.screenshot("software-keys-shown-once");
    }

    @Test
    void a_global_admin_buys_an_offering_from_the_catalogue_and_one_more_than_its_limit_is_refused() {
        String offering = "console-pack-" + partner;
        operator.publish(offering, """
                {"name": "Console Pack", "perMembershipYear": 1,
                 "software": [{"productId": "office", "name": "Office", "keys": 3, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]}""");
        signIn("alice", partner, List.of("GLOBAL_ADMIN"), null);
        press(page.findElement(By.id("tab-catalogue")));
        WebElement row = row(offering);
        assertThat(row.getText()).contains("Console Pack", "Software · Office · 3 keys", "At most 1 per membership year");
        row.findElement(By.name("packageId")).sendKeys("bought-on-the-page");
        browser.screenshot("catalogue");
        press(row.findElement(By.className("buy-button")));

        assertThat(page.getCurrentUrl()).contains("/console/partners/" + partner + "/refunds");
        assertThat(page.findElement(By.id("row-bought-on-the-page")).getText()).contains("bought-on-the-page");
        press(page.findElement(By.id("tab-catalogue")));
        press(row(offering).findElement(By.className("buy-button")));
        assertThat(page.findElement(By.id("refusal-detail")).getText()).contains(offering, "per membership year");
    }

    @Test
    void a_language_the_product_does_not_offer_is_refused_with_the_problem_detail() {
        signIn("alice", partner, List.of("GLOBAL_ADMIN"), null);
        WebElement product = row(actionPack + "-windows-server");
        // the page offers only the product's languages; a stale or altered page can still send another
        ((JavascriptExecutor) page).executeScript("""
                const option = document.createElement('option'); option.value = 'fr-FR'; option.text = 'fr-FR';
                arguments[0].appendChild(option);""", product.findElement(By.name("language")));
        new Select(product.findElement(By.name("language"))).selectByValue("fr-FR");
        press(product.findElement(By.className("get-keys-button")));

        assertThat(page.findElement(By.id("refusal-detail")).getText())
                .isEqualTo("product windows-server is not offered in language 'fr-FR'; it is offered in [en-US, de-DE]");
        browser.screenshot("refused-language-not-offered");
        assertThat(alice.get("/partners/" + partner + "/refusals?size=500").get("rows")).anySatisfy(refusal -> {
            assertThat(refusal.get("path").asText()).contains("/console/partners/");
            assertThat(refusal.get("problemType").asText()).endsWith("/problems/language-not-offered");
        });
        press(page.findElement(By.id("back")));
        assertThat(page.getCurrentUrl()).endsWith("/console/partners/" + partner + "/software");
    }

    @Test
    void a_reporting_user_sees_the_tab_without_get_keys_and_the_server_refuses_it_anyway() {
        signIn("rita", null, List.of("REPORTING"), partner);
        press(page.findElement(By.id("partner-" + partner)));
        WebElement product = row(actionPack + "-windows-server");
        assertThat(product.findElements(By.className("get-keys-button"))).isEmpty();
        browser.screenshot("software-reporting");

        postFromThePage("/console/partners/" + partner + "/software/" + actionPack + "/windows-server/keys",
                "language", "en-US", "operatingSystem", "x64");
        assertThat(page.findElement(By.id("refusal-detail")).getText()).isEqualTo("your roles do not allow this");

        assertThat(page.findElements(By.id("tab-catalogue"))).isEmpty();
        postFromThePage("/console/partners/" + partner + "/catalogue/" + actionPack + "/purchase",
                "version", "1", "packageId", "bought-by-a-reader");
        assertThat(page.findElement(By.id("refusal-detail")).getText()).isEqualTo("your roles do not allow this");
        assertThat(alice.send(HttpMethod.GET, "/partners/" + partner + "/packages/bought-by-a-reader/refund-eligibility", null)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void another_partners_page_does_not_exist_for_a_partners_admin() {
        signIn("alice", partner, List.of("GLOBAL_ADMIN"), null);
        page.get(url("/console/partners/fabrikam/software"));
        assertThat(page.findElement(By.id("refusal-detail")).getText()).isEqualTo("partner fabrikam was not found");
    }

    @Test
    void the_language_switch_shows_every_label_in_traditional_chinese_and_is_remembered() {
        signIn("alice", partner, List.of("GLOBAL_ADMIN"), null);
        press(page.findElement(By.id("lang-zh-TW")));
        assertThat(page.findElement(By.id("tab-software")).getText()).isEqualTo("軟體");
        assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-TW");
        page.get(url("/console/partners/" + partner + "/software"));
        assertThat(page.findElement(By.id("signed-in")).getText()).isEqualTo("已登入為 alice");
        browser.screenshot("software-zh-TW");
        press(page.findElement(By.id("lang-en-US")));
        assertThat(page.findElement(By.id("tab-software")).getText()).isEqualTo("Software");
    }

    @Test
    void a_browser_asking_for_traditional_chinese_gets_it_from_the_first_page() {
        try (Browser chinese = Browser.start("zh-TW")) {
            chinese.driver().get(url("/"));
            assertThat(chinese.driver().findElement(By.id("sign-in-submit")).getText()).isEqualTo("登入");
            chinese.screenshot("sign-in-zh-TW");
        }
    }

    @Test
    void a_global_admin_assigns_removes_and_reassigns_a_visual_studio_seat() {
        signIn("alice", partner, List.of("GLOBAL_ADMIN"), null);
        press(page.findElement(By.id("tab-visual-studio")));
        // other tests assign seats of other packages of the partner: count from what the page says now
        String[] seats = page.findElement(By.id("seats-remaining")).getText().split(" ");
        int unassigned = Integer.parseInt(seats[0]);
        String of = " of " + seats[2] + " seats unassigned";

        WebElement seat = row(silver + ":vs:1");
        new Select(seat.findElement(By.name("userId"))).selectByValue("dave");
        press(seat.findElement(By.className("assign-user")));
        assertThat(page.findElement(By.id("row-" + silver + ":vs:1")).getText()).contains("dave", "Active");
        assertThat(page.findElement(By.id("seats-remaining")).getText()).isEqualTo((unassigned - 1) + of);

        press(row(silver + ":vs:1").findElement(By.className("remove-user")));
        seat = row(silver + ":vs:1");
        assertThat(seat.findElement(By.className("assigned")).getText()).isEmpty();
        new Select(seat.findElement(By.name("userId"))).selectByValue("mia");
        press(seat.findElement(By.className("assign-user")));
        assertThat(page.findElement(By.id("row-" + silver + ":vs:1")).findElement(By.className("assigned")).getText()).isEqualTo("mia");
        row(silver + ":vs:2");
        browser.screenshot("visual-studio");
    }

    @Test
    void an_admin_agent_has_no_assign_button_and_the_server_refuses_the_assignment_anyway() {
        signIn("dave", partner, List.of("ADMIN_AGENT"), null);
        press(page.findElement(By.id("tab-visual-studio")));
        WebElement seat = row(silver + ":vs:2");
        assertThat(seat.findElements(By.className("assign-user"))).isEmpty();
        assertThat(seat.findElements(By.name("userId"))).isEmpty();
        browser.screenshot("visual-studio-admin-agent");

        postFromThePage("/console/partners/" + partner + "/visual-studio/" + silver + ":vs:2/assignment", "userId", "dave");
        assertThat(page.findElement(By.id("refusal-detail")).getText()).isEqualTo("your roles do not allow this");
        page.get(url("/console/partners/" + partner + "/visual-studio"));
        assertThat(page.findElement(By.id("row-" + silver + ":vs:2")).findElement(By.className("assigned")).getText()).isEmpty();
    }

    @Test
    void cloud_usage_is_activated_by_assigning_yourself_and_a_license_by_get_keys() {
        signIn("alice", partner, List.of("GLOBAL_ADMIN"), null);
        press(page.findElement(By.id("tab-cloud")));
        press(row(silver + ":azure").findElement(By.className("assign-yourself")));
        assertThat(page.findElement(By.id("row-" + silver + ":azure")).getText()).contains("alice", "Active");

        WebElement license = row(actionPack + ":dynamics");
        press(license.findElement(By.className("get-keys-button")));
        assertThat(page.findElement(By.id("revealed")).findElements(By.className("key"))).hasSize(1);
        assertThat(page.findElement(By.id("download")).getAttribute("href")).isEqualTo("https://dl.example/en-US/cloud");
        assertThat(page.findElement(By.id("revealed-instructions")).getText()).isEqualTo("Sign in to the admin center.");
        browser.screenshot("cloud");
    }

    @Test
    void a_technical_benefit_is_assigned_with_an_alternative_email_pending_then_active_and_hours_are_drawn() {
        signIn("alice", partner, List.of("GLOBAL_ADMIN"), null);
        press(page.findElement(By.id("tab-technical")));
        WebElement advisory = row(silver + ":advisory");
        new Select(advisory.findElement(By.name("userId"))).selectByValue("dave");
        advisory.findElement(By.name("alternativeEmail")).sendKeys("Admin@" + partner + ".example");
        press(advisory.findElement(By.className("assign-user")));
        assertThat(page.findElement(By.id("refusal-detail")).getText())
                .isEqualTo("the alternative e-mail address must differ from the company account e-mail");
        browser.screenshot("technical-refused-company-email");

        press(page.findElement(By.id("back")));
        advisory = row(silver + ":advisory");
        new Select(advisory.findElement(By.name("userId"))).selectByValue("dave");
        advisory.findElement(By.name("alternativeEmail")).sendKeys("dave.personal@mail.example");
        press(advisory.findElement(By.className("assign-user")));
        assertThat(page.findElement(By.id("row-" + silver + ":advisory")).getText()).contains("dave", "Pending");

        fulfilled("/partners/" + partner + "/subscriptions/" + silver + ":advisory/fulfilment", "/technical");
        signIn("dave", partner, List.of("ADMIN_AGENT"), null);
        press(page.findElement(By.id("tab-technical")));
        advisory = row(silver + ":advisory");
        assertThat(advisory.getText()).contains("Active");
        new Select(advisory.findElement(By.name("phase"))).selectByValue("DESIGN");
        advisory.findElement(By.name("description")).sendKeys("Architecture review of the migration");
        WebElement amount = advisory.findElement(By.name("amount"));
        amount.clear();
        amount.sendKeys("4");
        press(advisory.findElement(By.className("submit-request")));
        assertThat(page.findElement(By.id("row-" + silver + ":advisory")).findElement(By.className("remaining")).getText())
                .isEqualTo("6 / 10 hours");
        row(silver + ":advisory");
        browser.screenshot("technical");
    }

    @Test
    void a_go_to_market_offer_needs_a_marketing_contact_then_is_pending_then_active_until_it_expires() {
        signIn("mia", partner, List.of("MPN_PARTNER_ADMIN"), null);
        press(page.findElement(By.id("tab-go-to-market")));
        assertThat(page.findElement(By.id("partner-level")).getText()).contains("Silver Core");
        press(row("silver-marketing-kit").findElement(By.className("activate")));
        assertThat(page.findElement(By.id("refusal-detail")).getText())
                .isEqualTo("the partner has no company marketing contact; designate one before activating an offer");
        press(page.findElement(By.id("back")));

        WebElement contact = page.findElement(By.id("contact-form"));
        new Select(contact.findElement(By.name("userId"))).selectByValue("mia");
        contact.findElement(By.name("alternativeEmail")).sendKeys("mia@agency.example");
        contact.findElement(By.name("phone")).sendKeys("+14255550100");
        new Select(contact.findElement(By.name("preferredLanguage"))).selectByValue("zh-TW");
        press(page.findElement(By.id("contact-submit")));
        assertThat(page.findElement(By.id("contact")).getText()).contains("mia", "mia@agency.example", "+14255550100", "zh-TW");

        press(row("silver-marketing-kit").findElement(By.className("activate")));
        assertThat(page.findElement(By.id("row-silver-marketing-kit")).getText()).contains("Pending");
        fulfilled("/partners/" + partner + "/go-to-market/offers/silver-marketing-kit/fulfilment", "/go-to-market");
        page.navigate().refresh();
        WebElement offer = page.findElement(By.id("row-silver-marketing-kit"));
        assertThat(offer.getText()).contains("Active");
        assertThat(offer.findElement(By.className("expires")).getText()).matches("\\d{4}-\\d{2}-\\d{2}");
        row("silver-marketing-kit");
        browser.screenshot("go-to-market");
    }

    @Test
    void refund_eligibility_shows_each_finding_with_its_evidence_and_a_cancellation_is_decided_by_the_rule() {
        signIn("alice", partner, List.of("GLOBAL_ADMIN"), null);
        press(page.findElement(By.id("tab-refunds")));
        WebElement kept = row("kept");
        assertThat(kept.findElement(By.className("eligible")).getText()).isEqualTo("No");
        WebElement activated = kept.findElement(By.cssSelector("[data-condition=no-software-activated]"));
        assertThat(activated.getAttribute("class")).isEqualTo("bad");
        assertThat(activated.findElement(By.className("evidence")).getText()).startsWith("KeysRevealed #1");
        browser.screenshot("refunds");

        kept.findElement(By.name("serviceRequest")).sendKeys("SR-1001");
        press(kept.findElement(By.className("request-cancellation")));
        assertThat(page.findElement(By.id("cancelled")).getText())
                .contains("The cancellation of package kept was denied", "license keys of the package were revealed");

        WebElement refundable = row("refund-me");
        assertThat(refundable.findElement(By.className("eligible")).getText()).isEqualTo("Yes");
        refundable.findElement(By.name("serviceRequest")).sendKeys("SR-1002");
        press(refundable.findElement(By.className("request-cancellation")));
        assertThat(page.findElement(By.id("cancelled")).getText())
                .isEqualTo("Package refund-me was cancelled with a refund; its benefits are revoked.");
        assertThat(page.findElement(By.id("row-refund-me")).findElement(By.className("eligible")).getText()).isEqualTo("No");
        browser.screenshot("refunds-cancelled");
    }

    @Test
    void an_auditor_reads_the_timeline_the_state_as_of_an_instant_and_the_verification() throws InterruptedException {
        Thread.sleep(1_100); // the picker names whole seconds: one between the seat's opening and its assignment
        LocalDateTime beforeAssignment = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(1_100);
        long assigned = alice.post("/partners/" + partner + "/subscriptions/audited:vs:1/assignment", "{\"userId\": \"dave\"}")
                .getBody().get("position").asLong();
        alice.get("/partners/" + partner + "/visual-studio?awaitPosition=" + assigned);

        signIn("ada", null, List.of("AUDITOR"), partner);
        press(page.findElement(By.id("partner-" + partner)));
        press(page.findElement(By.id("tab-audit")));
        assertThat(page.findElement(By.id("verification")).getText()).startsWith("Tamper evidence: the hash chains are intact");
        page.findElement(By.id("aggregate")).sendKeys("audited:vs:1");
        press(page.findElement(By.id("audit-show")));
        assertThat(page.findElement(By.id("state")).getText()).contains("\"status\" : \"ACTIVE\"", "\"value\" : \"dave\"");
        List<WebElement> events = page.findElements(By.cssSelector("#timeline tr.event"));
        assertThat(events).extracting(event -> event.findElement(By.className("type")).getText())
                .containsExactly("SubscriptionOpened", "UserAssigned");
        assertThat(events.get(1).findElement(By.className("who")).getText()).isEqualTo("alice");
        assertThat(events.get(1).findElement(By.className("request")).getText()).isNotEmpty();
        browser.screenshot("audit");

        ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1];", page.findElement(By.id("at")),
                beforeAssignment.toString());
        press(page.findElement(By.id("audit-show")));
        assertThat(page.findElement(By.id("state")).getText()).contains("\"status\" : \"AVAILABLE\"").doesNotContain("dave");
        assertThat(page.findElements(By.cssSelector("#timeline tr.event"))).hasSize(1);
        browser.screenshot("audit-as-of");
    }

    @Test
    void a_reporting_team_sees_utilisation_as_a_chart_expiring_offers_refundable_packages_and_downloads_csv() {
        signIn("rita", null, List.of("REPORTING"), partner);
        press(page.findElement(By.id("reports")));
        WebElement chart = page.findElement(By.id("utilisation-chart"));
        List<WebElement> bars = chart.findElements(By.cssSelector("g.bar"));
        assertThat(bars).extracting(bar -> bar.findElement(By.className("label")).getText())
                .contains(partner + " · VISUAL_STUDIO · Visual Studio Enterprise", partner + " · SOFTWARE · Windows Server 2025");
        WebElement windows = bars.stream().filter(bar -> bar.getText().contains("Windows Server 2025")).findFirst().orElseThrow();
        assertThat(Integer.parseInt(windows.findElement(By.className("allocated")).getAttribute("width"))).isPositive();
        assertThat(page.findElement(By.id("refundable")).getText()).contains(partner, silver);
        browser.screenshot("reports");

        String csv = (String) ((JavascriptExecutor) page).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById('utilisation-csv').href).then(r => r.text()).then(done);""");
        assertThat(csv.lines().findFirst().orElseThrow()).contains("partnerId", "category", "product", "allocated", "used");
        assertThat(csv).contains(partner + ",SOFTWARE,");
    }

    /** The program's fulfilment confirms a pending activation, through the API; answers once the tab shows it. */
    void fulfilled(String path, String tab) {
        long position = operator.post(path, "{\"fulfilmentReference\": \"FUL-1\"}").getBody().get("position").asLong();
        alice.get("/partners/" + partner + tab + "?awaitPosition=" + position);
    }

    /** Submits a form the page did not offer, with the session's CSRF token, as a crafted request would. */
    void postFromThePage(String action, String... fields) {
        WebElement before = page.findElement(By.tagName("html"));
        ((JavascriptExecutor) page).executeScript("""
                const form = document.createElement('form'); form.method = 'post'; form.action = arguments[0];
                const csrf = document.querySelector('input[name=_csrf]');
                const add = (name, value) => { const input = document.createElement('input'); input.type = 'hidden';
                    input.name = name; input.value = value; form.appendChild(input); };
                add('_csrf', csrf.value);
                const once = document.querySelector('input[name=once]');
                if (once) { add('once', once.value); }
                for (let i = 1; i < arguments.length; i += 2) { add(arguments[i], arguments[i + 1]); }
                document.body.appendChild(form); form.submit();""", prepend(action, fields));
        replaced(before);
    }

    private static Object[] prepend(String first, String[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
