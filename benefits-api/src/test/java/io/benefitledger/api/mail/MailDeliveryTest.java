package io.benefitledger.api.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.benefitledger.BenefitLedgerApplication;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mails the program promises, through a real SMTP server (GreenMail, in this JVM on a loopback port) from the
 * service on a real PostgreSQL: read back with their recipients, language and subject; an outage retried with
 * backoff, then parked; a parked mail retried by the operator and delivered once, by a restarted node. Time is
 * driven by the instants the outbox is sent at ({@link MailDelivery#sendDue}).
 */
@LedgerIntegrationTest
class MailDeliveryTest {

    static final int SMTP_PORT = freePort();
    static GreenMail smtp = smtpServer();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("ledger.mail.max-attempts", () -> 3);
        properties.add("ledger.mail.first-retry-after", () -> "1m");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    MailDelivery delivery;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    String partner = "mail-" + UUID.randomUUID().toString().substring(0, 8);
    LedgerClient operator;
    LedgerClient alice;

    @BeforeEach
    void partnerWithTwoUsers() {
        if (!smtp.isRunning()) {
            smtp = smtpServer();
        }
        operator = LedgerClient.operator(http);
        alice = operator.registerPartner(partner, "\"Silver Core\"");
        alice.addUser("dave", "ADMIN_AGENT");
        alice.addUser("mia", "MPN_PARTNER_ADMIN");
    }

    @AfterEach
    void smtpRunsAgain() {
        if (!smtp.isRunning()) {
            smtp = smtpServer();
        }
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void a_technical_benefit_assigned_and_fulfilled_is_mailed_to_the_alternative_and_the_account_e_mail() throws Exception {
        purchase("\"technical\": [{\"allocationId\": \"advisory\", \"name\": \"Partner advisory hours\", \"quantity\": 10, \"unit\": \"HOUR\"}]");
        accepted(alice.post(subscription("advisory") + "/assignment",
                "{\"userId\": \"dave\", \"alternativeEmail\": \"dave.personal@mail.example\"}"));
        accepted(operator.post(subscription("advisory") + "/fulfilment", "{\"fulfilmentReference\": \"FUL-1001\"}"));
        awaitDecided(2);

        assertThat(delivery.sendDue(Instant.now())).isGreaterThanOrEqualTo(2);

        List<MimeMessage> mails = received();
        assertThat(mails).hasSize(2);
        for (MimeMessage mail : mails) {
            assertThat(addresses(mail)).containsExactly("dave.personal@mail.example", "dave@" + partner + ".example");
            assertThat(mail.getHeader("Content-Language", null)).isEqualTo("en-US");
        }
        assertThat(mails.get(0).getSubject()).isEqualTo("Technical benefit Partner advisory hours: activation pending");
        assertThat(mails.get(1).getSubject()).isEqualTo("Technical benefit Partner advisory hours is active");
        assertThat(texts(mails.get(1))).hasSize(2)
                .allSatisfy(text -> assertThat(text).contains("Microsoft Product Support", "FUL-1001"));
        assertThat(texts(mails.get(1)).get(1)).startsWith("<!DOCTYPE html>");
        assertThat(rows("select status from mail_outbox where partner_id = ?", String.class)).containsOnly("SENT");
        assertThat(rows("select count(*) from mail_outbox where partner_id = ? and (text_body is not null or html_body is not null)",
                Long.class)).containsExactly(0L);
        assertThat(rows("select outcome || ' ' || template || ' ' || language || ' ' || array_to_string(recipients, ',')"
                        + " from mail_record where partner_id = ? order by record_id", String.class)).containsExactly(
                "DELIVERED technical-benefit-assigned en-US dave.personal@mail.example,dave@" + partner + ".example",
                "DELIVERED technical-benefit-active en-US dave.personal@mail.example,dave@" + partner + ".example");

        JsonNode told = operator.reader("audrey", "AUDITOR", partner).get("/partners/" + partner + "/audit/mails");
        assertThat(told.get("total").asLong()).isEqualTo(2);
        assertThat(told.at("/rows/0/subject").asText()).isEqualTo("Technical benefit Partner advisory hours is active");
        assertThat(told.at("/rows/0/outcome").asText()).isEqualTo("DELIVERED");
        assertThat(told.at("/rows/0/messageId").asText()).isEqualTo(mails.get(1).getMessageID());
        assertThat(told.at("/rows/1/recipients/0").asText()).isEqualTo("dave.personal@mail.example");
        assertThat(operator.reader("olga", "AUDITOR", "another-partner")
                .send(HttpMethod.GET, "/partners/" + partner + "/audit/mails", null).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void the_marketing_contact_is_told_in_their_language_when_an_offer_is_requested_and_active_and_reminded_before_it_expires()
            throws Exception {
        purchase("\"visualStudio\": [{\"allocationId\": \"vs\", \"name\": \"Visual Studio Enterprise\", \"seats\": 1}]");
        LedgerClient mia = alice.as("mia", "MPN_PARTNER_ADMIN");
        String gtm = "/partners/" + partner + "/go-to-market";
        accepted(mia.send(HttpMethod.PUT, gtm + "/contact", """
                {"userId": "mia", "alternativeEmail": "mia@agency.example", "phone": "+14255550100", "preferredLanguage": "zh-TW"}"""));
        accepted(mia.post(gtm + "/offers/silver-marketing-kit/activation", null));
        accepted(operator.post(gtm + "/offers/silver-marketing-kit/fulfilment", "{\"fulfilmentReference\": \"GTM-77\"}"));
        awaitDecided(2);
        Instant expires = Instant.parse(alice.get(gtm).get("offers").get(0).get("expiresAt").asText());
        String day = expires.toString().substring(0, 10);

        delivery.sendDue(Instant.now());
        assertThat(received()).extracting(MimeMessage::getSubject).containsExactly(
                "市場推廣優惠 Silver marketing kit：已要求啟用", "市場推廣優惠 Silver marketing kit 已啟用，有效至 " + day);
        delivery.sendDue(expires.minus(Duration.ofDays(15)));
        assertThat(received()).hasSize(2);

        delivery.sendDue(expires.minus(Duration.ofDays(14)));
        List<MimeMessage> mails = received();
        assertThat(mails).hasSize(3);
        assertThat(mails.get(2).getSubject()).isEqualTo("市場推廣優惠 Silver marketing kit 將於 " + day + " 到期");
        for (MimeMessage mail : mails) {
            assertThat(addresses(mail)).containsExactly("mia@agency.example");
            assertThat(mail.getHeader("Content-Language", null)).isEqualTo("zh-TW");
            assertThat(texts(mail).get(0)).startsWith("您好：");
        }
    }

    @Test
    void no_license_key_is_ever_in_a_mail() throws Exception {
        purchase("""
                "software": [{"productId": "office", "name": "Office", "keys": 3, "languages": ["en-US"],
                              "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}",
                              "specialInstructions": ""}],
                "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 1}]""");
        List<String> keys = new ArrayList<>();
        for (int reveal = 0; reveal < 3; reveal++) {
            ResponseEntity<JsonNode> revealed = alice.post("/partners/" + partner + "/packages/pkg/software/office/keys",
                    "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}");
            accepted(revealed);
            revealed.getBody().get("keys").forEach(key -> keys.add(key.asText()));
        }
        accepted(alice.post(subscription("vs:1") + "/assignment", "{\"userId\": \"dave\"}"));
        ResponseEntity<JsonNode> denied = alice.post("/partners/" + partner + "/packages/pkg/cancellation",
                "{\"serviceRequest\": \"SR-9\"}");
        assertThat(denied.getStatusCode()).as(String.valueOf(denied.getBody())).isEqualTo(HttpStatus.OK);
        awaitDecided(2);
        List<String> stored = rows("select subject || text_body || html_body from mail_outbox where partner_id = ?", String.class);

        delivery.sendDue(Instant.now());

        List<MimeMessage> mails = received();
        assertThat(mails).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("Visual Studio subscription Visual Studio Enterprise assigned to you", "Refund denied: pkg");
        MimeMessage refund = mails.stream().filter(mail -> subject(mail).startsWith("Refund")).findFirst().orElseThrow();
        assertThat(addresses(refund)).containsExactly("alice@" + partner + ".example", "admin@" + partner + ".example");
        assertThat(texts(refund).get(0)).contains("License keys of the package were revealed");
        assertThat(keys).hasSize(3);
        List<String> everything = new ArrayList<>(stored);
        for (MimeMessage mail : mails) {
            everything.addAll(texts(mail));
            everything.add(mail.getSubject());
            everything.add(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(mail));
        }
        for (String key : keys) {
            assertThat(everything).noneMatch(text -> text.contains(key) || text.contains(key.replace("-", "")));
        }
    }

    @Test
    void with_the_mail_server_down_a_mail_is_retried_with_backoff_then_parked_and_after_the_operators_retry_delivered_once_by_a_restarted_node()
            throws Exception {
        purchase("\"visualStudio\": [{\"allocationId\": \"vs\", \"name\": \"Visual Studio Enterprise\", \"seats\": 1}]");
        smtp.stop();
        accepted(alice.post(subscription("vs:1") + "/assignment", "{\"userId\": \"dave\"}"));
        awaitDecided(1);
        long mailId = rows("select mail_id from mail_outbox where partner_id = ?", Long.class).get(0);
        Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        assertThat(delivery.sendDue(t0)).isZero();
        JsonNode failedOnce = operator.get("/operations/mail/" + mailId);
        assertThat(failedOnce.get("status").asText()).isEqualTo("PENDING");
        assertThat(failedOnce.get("attempts").asInt()).isEqualTo(1);
        assertThat(Instant.parse(failedOnce.get("nextAttemptAt").asText())).isEqualTo(t0.plus(Duration.ofMinutes(1)));
        assertThat(delivery.sendDue(t0.plusSeconds(59))).as("not due before its backoff").isZero();
        assertThat(operator.get("/operations/mail/" + mailId).get("attempts").asInt()).isEqualTo(1);
        delivery.sendDue(t0.plus(Duration.ofMinutes(1)));
        assertThat(Instant.parse(operator.get("/operations/mail/" + mailId).get("nextAttemptAt").asText()))
                .as("the wait doubles").isEqualTo(t0.plus(Duration.ofMinutes(3)));
        delivery.sendDue(t0.plus(Duration.ofMinutes(3)));

        JsonNode parked = operator.get("/operations/mail/" + mailId);
        assertThat(parked.get("status").asText()).isEqualTo("PARKED");
        assertThat(parked.get("attempts").asInt()).isEqualTo(3);
        assertThat(parked.get("lastError").asText()).isNotBlank();
        assertThat(operator.get("/operations/mail?status=PARKED").get("rows").findValuesAsText("mailId")).contains(Long.toString(mailId));
        assertThat(rows("select outcome from mail_record where mail_id = ?", String.class, mailId)).containsExactly("PARKED");
        assertThat(rows("select count(*) from mail_outbox where mail_id = ? and text_body is not null", Long.class, mailId))
                .as("nothing lost: the body waits for the retry").containsExactly(1L);
        assertThat(delivery.sendDue(t0.plus(Duration.ofDays(1)))).as("a parked mail waits for the operator").isZero();

        smtp = smtpServer();
        JsonNode retried = operator.post("/operations/mail/" + mailId + "/retry", null).getBody();
        assertThat(retried.get("status").asText()).isEqualTo("PENDING");
        assertThat(retried.get("attempts").asInt()).isZero();
        try (ConfigurableApplicationContext restarted = restartedNode()) {
            assertThat(restarted.getBean(MailDelivery.class).sendDue(Instant.now())).isGreaterThanOrEqualTo(1);
        }
        assertThat(delivery.sendDue(Instant.now().plus(Duration.ofDays(1)))).isZero();

        assertThat(received()).singleElement().satisfies(mail -> {
            assertThat(addresses(mail)).containsExactly("dave@" + partner + ".example");
            assertThat(mail.getMessageID()).isEqualTo(parked.get("messageId").asText());
        });
        assertThat(operator.get("/operations/mail/" + mailId).get("status").asText()).isEqualTo("SENT");
        assertThat(rows("select outcome from mail_record where mail_id = ? order by record_id", String.class, mailId))
                .containsExactly("PARKED", "DELIVERED");
    }

    @Test
    void a_mail_server_back_before_the_last_attempt_gets_the_mail_once() throws Exception {
        purchase("\"visualStudio\": [{\"allocationId\": \"vs\", \"name\": \"Visual Studio Enterprise\", \"seats\": 1}]");
        smtp.stop();
        accepted(alice.post(subscription("vs:1") + "/assignment", "{\"userId\": \"dave\"}"));
        accepted(alice.send(HttpMethod.DELETE, subscription("vs:1") + "/assignment", null));
        awaitDecided(2);
        Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        delivery.sendDue(t0);

        smtp = smtpServer();
        delivery.sendDue(t0.plus(Duration.ofMinutes(1)));
        delivery.sendDue(t0.plus(Duration.ofMinutes(10)));

        assertThat(received()).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Visual Studio subscription Visual Studio Enterprise assigned to you",
                "Visual Studio subscription Visual Studio Enterprise removed");
        assertThat(rows("select outcome from mail_record where partner_id = ?", String.class))
                .containsExactly("DELIVERED", "DELIVERED");
    }

    @Test
    void a_parked_mail_the_operator_discards_is_never_sent_and_keeps_no_body() throws Exception {
        purchase("\"visualStudio\": [{\"allocationId\": \"vs\", \"name\": \"Visual Studio Enterprise\", \"seats\": 1}]");
        smtp.stop();
        accepted(alice.post(subscription("vs:1") + "/assignment", "{\"userId\": \"dave\"}"));
        awaitDecided(1);
        long mailId = rows("select mail_id from mail_outbox where partner_id = ?", Long.class).get(0);
        Instant t0 = Instant.now();
        for (int attempt = 0; attempt < 3; attempt++) {
            delivery.sendDue(t0.plus(Duration.ofHours(attempt)));
        }
        assertThat(operator.get("/operations/mail/" + mailId).get("delivery").asText())
                .isEqualTo("parked after 3 failed attempts: retry or discard it");

        JsonNode discarded = operator.post("/operations/mail/" + mailId + "/discard", null).getBody();

        assertThat(discarded.get("status").asText()).isEqualTo("DISCARDED");
        smtp = smtpServer();
        assertThat(delivery.sendDue(t0.plus(Duration.ofDays(1)))).isZero();
        assertThat(received()).isEmpty();
        assertThat(rows("select count(*) from mail_outbox where mail_id = ? and (text_body is not null or html_body is not null)",
                Long.class, mailId)).containsExactly(0L);
        assertThat(rows("select outcome from mail_record where mail_id = ? order by record_id", String.class, mailId))
                .containsExactly("PARKED", "DISCARDED");
        assertThat(operator.post("/operations/mail/" + mailId + "/retry", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    ConfigurableApplicationContext restartedNode() {
        return new SpringApplicationBuilder(BenefitLedgerApplication.class)
                .run("--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                        "--ledger.security.mode=local", "--ledger.deadlines.polling=false", "--ledger.mail.polling=false",
                        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP_PORT, "--server.port=0");
    }

    void purchase(String allocations) {
        ResponseEntity<JsonNode> purchased = alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "pkg", "packageType": "Silver Core", %s}""".formatted(allocations));
        assertThat(purchased.getStatusCode()).as(String.valueOf(purchased.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    String subscription(String suffix) {
        return "/partners/" + partner + "/subscriptions/pkg:" + suffix;
    }

    static void accepted(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    }

    void awaitDecided(long mails) {
        await().atMost(Duration.ofSeconds(20)).until(
                () -> rows("select count(*) from mail_outbox where partner_id = ? and template <> 'offer-expiring-soon'",
                        Long.class).get(0), count -> count >= mails);
    }

    <T> List<T> rows(String sql, Class<T> type, Object... arguments) {
        Object[] withPartner = arguments.length > 0 ? arguments : new Object[]{partner};
        return jdbc.queryForList(sql, type, withPartner);
    }

    /**
     * The mails this test's partner was sent (told apart by the Message-IDs of its outbox), in the order they
     * arrived. GreenMail keeps a copy per recipient: each recipient got each mail exactly once, or this fails.
     */
    List<MimeMessage> received() throws Exception {
        List<String> ours = rows("select message_id from mail_outbox where partner_id = ?", String.class);
        Map<String, List<MimeMessage>> byMessageId = new LinkedHashMap<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (ours.contains(mail.getMessageID())) {
                byMessageId.computeIfAbsent(mail.getMessageID(), id -> new ArrayList<>()).add(mail);
            }
        }
        for (List<MimeMessage> copies : byMessageId.values()) {
            assertThat(copies).as("one copy for each recipient, never two").hasSize(addresses(copies.get(0)).size());
        }
        return byMessageId.values().stream().map(copies -> copies.get(0)).toList();
    }

    static List<String> addresses(Message mail) throws Exception {
        return Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text parts of a mail, decoded: the plain text first, then the HTML. */
    static List<String> texts(Part part) throws Exception {
        List<String> texts = new ArrayList<>();
        if (part.isMimeType("text/*")) {
            texts.add((String) part.getContent());
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int index = 0; index < multipart.getCount(); index++) {
                BodyPart body = multipart.getBodyPart(index);
                texts.addAll(texts(body));
            }
        }
        return texts;
    }

    static GreenMail smtpServer() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
