package io.benefitledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benefitledger.query.ReadSide;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read that waits for a position holds no request thread: with fewer request threads than parked reads, other
 * reads are still answered. A position beyond the head is refused at once, and a caller's parked reads are capped.
 * The software tab's processor is stopped while reads are parked, so they wait for as long as the test needs.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = {
        // far fewer request threads than parked reads: a parked read that held one would starve the others
        "server.tomcat.threads.max=10",
        "ledger.read-your-writes.maximum-wait=60s",
        "spring.mvc.async.request-timeout=90s"})
class ParkedReadsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ReadYourWrites readYourWrites;
    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final ObjectMapper json = new ObjectMapper();
    String partner = "parked-" + UUID.randomUUID();
    LedgerClient alice;

    @BeforeEach
    void partner() {
        alice = LedgerClient.operator(http).registerPartner(partner, "");
    }

    @AfterEach
    void softwareTabRuns() {
        software().start();
    }

    StreamingEventProcessor software() {
        return processing.eventProcessor(ReadSide.GROUP, StreamingEventProcessor.class).orElseThrow();
    }

    /** Stops the software tab's projection, then purchases: the purchase's position is not processed until restarted. */
    long purchaseUnseenBySoftwareTab() throws Exception {
        software().shutdownAsync().get(30, TimeUnit.SECONDS);
        return alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "pkg", "packageType": "Action Pack",
                 "software": [{"productId": "office", "name": "Office", "keys": 1, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]}""")
                .getBody().get("position").asLong();
    }

    CompletableFuture<HttpResponse<String>> softwareTab(LedgerClient reader, Long awaitPosition) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/partners/" + partner
                                + "/software" + (awaitPosition == null ? "" : "?awaitPosition=" + awaitPosition)))
                        .header("Authorization", "Bearer " + reader.token()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void eventually(BooleanSupplier condition) throws InterruptedException {
        for (int attempt = 0; attempt < 600 && !condition.getAsBoolean(); attempt++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @Test
    void a_position_beyond_the_head_is_refused_at_once_naming_the_head() {
        ResponseEntity<JsonNode> refused = alice.send(HttpMethod.GET,
                "/partners/" + partner + "/software?awaitPosition=9223372036854775000", null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("type").asText()).endsWith("/position-beyond-head");
        assertThat(refused.getBody().get("detail").asText()).contains("beyond the last recorded position");
        assertThat(readYourWrites.parked()).isZero();
    }

    @Test
    void a_hundred_parked_reads_hold_no_request_thread_and_are_answered_once_the_read_model_catches_up() throws Exception {
        long position = purchaseUnseenBySoftwareTab();
        List<CompletableFuture<HttpResponse<String>>> parked = new ArrayList<>();
        for (int reader = 0; reader < 5; reader++) {
            LedgerClient auditor = alice.reader("auditor-" + reader, "AUDITOR", partner);
            for (int read = 0; read < 20; read++) {
                parked.add(softwareTab(auditor, position));
            }
        }
        eventually(() -> readYourWrites.parked() == 100);

        HttpResponse<String> meanwhile = softwareTab(alice, null).get(30, TimeUnit.SECONDS);

        assertThat(meanwhile.statusCode()).isEqualTo(200);
        assertThat(json.readTree(meanwhile.body()).get("total").asInt()).as("not projected yet").isZero();
        assertThat(parked).noneMatch(CompletableFuture::isDone);

        software().start();

        for (CompletableFuture<HttpResponse<String>> read : parked) {
            HttpResponse<String> answered = read.get(60, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(json.readTree(answered.body()).get("total").asInt()).isEqualTo(1);
        }
        assertThat(readYourWrites.parked()).isZero();
    }

    @Test
    void a_caller_may_have_twenty_reads_parked_and_the_next_is_refused_at_once() throws Exception {
        long position = purchaseUnseenBySoftwareTab();
        LedgerClient auditor = alice.reader("auditor-capped", "AUDITOR", partner);
        List<CompletableFuture<HttpResponse<String>>> parked = new ArrayList<>();
        for (int read = 0; read < 20; read++) {
            parked.add(softwareTab(auditor, position));
        }
        eventually(() -> readYourWrites.parked() == 20);

        HttpResponse<String> refused = softwareTab(auditor, position).get(30, TimeUnit.SECONDS);
        HttpResponse<String> anotherCaller = softwareTab(alice, null).get(30, TimeUnit.SECONDS);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json.readTree(refused.body()).get("type").asText()).endsWith("/too-many-waiting-reads");
        assertThat(anotherCaller.statusCode()).isEqualTo(200);

        software().start();

        for (CompletableFuture<HttpResponse<String>> read : parked) {
            assertThat(read.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }
}
