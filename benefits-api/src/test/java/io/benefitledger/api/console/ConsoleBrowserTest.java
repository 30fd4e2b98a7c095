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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

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
    Browser browser;
    WebDriver page;
    LedgerClient alice;

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
                              "specialInstructions": "Activate within 30 days."}]""");
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
        page.findElement(By.id("sign-in-submit")).click();
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
        product.findElement(By.className("get-keys-button")).click();

        WebElement revealed = page.findElement(By.id("revealed"));
        assertThat(revealed.findElements(By.className("key"))).hasSize(1);
        assertThat(page.findElement(By.id("download")).getAttribute("href"))
                .isEqualTo("https://downloads.example/windows-server/de-DE/x64");
        assertThat(page.findElement(By.id("revealed-instructions")).getText()).isEqualTo("Activate within 30 days.");
        assertThat(page.findElement(By.id("row-" + actionPack + "-windows-server")).getText()).contains("1 / 2", "Active");
        browser.screenshot("software-keys-shown-once");
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
        product.findElement(By.className("get-keys-button")).click();

        assertThat(page.findElement(By.id("refusal-detail")).getText())
                .isEqualTo("product windows-server is not offered in language 'fr-FR'; it is offered in [en-US, de-DE]");
        browser.screenshot("refused-language-not-offered");
        page.findElement(By.id("back")).click();
        assertThat(page.getCurrentUrl()).endsWith("/console/partners/" + partner + "/software");
    }

    @Test
    void a_reporting_user_sees_the_tab_without_get_keys_and_the_server_refuses_it_anyway() {
        signIn("rita", null, List.of("REPORTING"), partner);
        page.findElement(By.id("partner-" + partner)).click();
        WebElement product = row(actionPack + "-windows-server");
        assertThat(product.findElements(By.className("get-keys-button"))).isEmpty();
        browser.screenshot("software-reporting");

        postFromThePage("/console/partners/" + partner + "/software/" + actionPack + "/windows-server/keys",
                "language", "en-US", "operatingSystem", "x64");
        assertThat(page.findElement(By.id("refusal-detail")).getText()).isEqualTo("your roles do not allow this");
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
        page.findElement(By.id("lang-zh-TW")).click();
        assertThat(page.findElement(By.id("tab-software")).getText()).isEqualTo("軟體");
        assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-TW");
        page.get(url("/console/partners/" + partner + "/software"));
        assertThat(page.findElement(By.id("signed-in")).getText()).isEqualTo("已登入為 alice");
        browser.screenshot("software-zh-TW");
        page.findElement(By.id("lang-en-US")).click();
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

    /** Submits a form the page did not offer, with the session's CSRF token, as a crafted request would. */
    void postFromThePage(String action, String... fields) {
        ((JavascriptExecutor) page).executeScript("""
                const form = document.createElement('form'); form.method = 'post'; form.action = arguments[0];
                const csrf = document.querySelector('input[name=_csrf]');
                const add = (name, value) => { const input = document.createElement('input'); input.type = 'hidden';
                    input.name = name; input.value = value; form.appendChild(input); };
                add('_csrf', csrf.value);
                for (let i = 1; i < arguments.length; i += 2) { add(arguments[i], arguments[i + 1]); }
                document.body.appendChild(form); form.submit();""", prepend(action, fields));
    }

    private static Object[] prepend(String first, String[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
