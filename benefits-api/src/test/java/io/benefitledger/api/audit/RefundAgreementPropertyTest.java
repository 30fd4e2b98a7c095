package io.benefitledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.Allocations;
import io.benefitledger.pkg.LicensedProduct;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.OfferingId;
import io.benefitledger.pkg.ProductId;
import io.benefitledger.pkg.PurchasePackage;
import io.benefitledger.pkg.RequestCancellation;
import io.benefitledger.pkg.RevealKeys;
import io.benefitledger.pkg.refund.RefundDecision;
import io.benefitledger.pkg.refund.RefundPolicy;
import io.benefitledger.query.ReadSide;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The refund rule gives one answer whoever asks: over generated histories (purchase, reveals at random instants,
 * a cancellation request at a random instant, boundary instants favoured), the decision the aggregate took on the
 * cancellation equals the as-of replay's and the projection's decision for an identical twin history without that
 * request; and replay and projection agree with each other at every sampled instant.
 */
@LedgerIntegrationTest
class RefundAgreementPropertyTest {

    static final int HISTORIES = 40;
    static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    @Autowired
    TestRestTemplate http;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    @Autowired
    ObjectMapper json;

    record History(String cancelled, String twin, Instant purchase, List<Instant> reveals, RefundDecision decided,
                   List<Instant> probes) {
    }

    @Test
    void aggregate_projection_and_replay_agree_on_every_generated_history() {
        long seed = Long.getLong("refund.seed", System.nanoTime());
        Random random = new Random(seed);
        String partner = "refund-prop-" + UUID.randomUUID();
        LedgerClient alice = LedgerClient.operator(http).registerPartner(partner, "");

        List<History> histories = new ArrayList<>();
        for (int i = 0; i < HISTORIES; i++) {
            histories.add(record(random, partner));
        }
        awaitRefundProjectionAtHead();

        for (History history : histories) {
            String context = "seed " + seed + ", purchase " + history.purchase() + ", reveals " + history.reveals();
            JsonNode decided = json.valueToTree(history.decided());
            Instant at = history.decided().decidedAt();
            JsonNode replayedTwin = alice.get(replay(partner, history.twin(), at));
            JsonNode projectedTwin = alice.get(projection(partner, history.twin(), at));
            assertThat(comparable(replayedTwin)).as(context + ": replay vs aggregate at " + at).isEqualTo(comparable(decided));
            assertThat(projectedTwin).as(context + ": projection vs replay at " + at).isEqualTo(replayedTwin);

            // The cancelled package itself: what the aggregate recorded is evidence from then on.
            JsonNode afterwards = alice.get(replay(partner, history.cancelled(), at));
            assertThat(afterwards.at("/findings/2/holds").asBoolean()).as(context).isEqualTo(!history.decided().eligible());

            for (Instant probe : history.probes()) {
                for (String packageId : List.of(history.cancelled(), history.twin())) {
                    assertThat(alice.get(projection(partner, packageId, probe)))
                            .as(context + ": projection vs replay of " + packageId + " at " + probe)
                            .isEqualTo(alice.get(replay(partner, packageId, probe)));
                }
            }
        }
    }

    /** One generated history, recorded twice: once ending with a cancellation request, once without. */
    History record(Random random, String partnerId) {
        PartnerId partner = new PartnerId(partnerId);
        UserId alice = new UserId("alice");
        Instant purchase = EPOCH.plus(Duration.ofMinutes(random.nextInt(500_000))).plusMillis(random.nextInt(1000));
        Instant deadline = purchase.plus(RefundPolicy.WINDOW);
        TreeSet<Instant> reveals = new TreeSet<>();
        int revealCount = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
        for (int i = 0; i < revealCount; i++) {
            reveals.add(interesting(random, purchase, deadline));
        }
        Instant request = interesting(random, purchase, deadline);
        String cancelled = "prop-" + UUID.randomUUID();
        String twin = "twin-" + UUID.randomUUID();
        for (String packageId : List.of(cancelled, twin)) {
            commands.sendAndWait(new PurchasePackage(new PackageId(packageId), partner, "Action Pack", new Allocations(
                    List.of(new LicensedProduct(new ProductId("office"), "Office", 10, List.of("en-US"), List.of("x64"),
                            "https://dl.example/{language}/{os}", "")), List.of(), List.of(), List.of(), List.of()),
                    alice, purchase, new OfferingId("action-pack"), 1, null));
            for (Instant reveal : reveals) {
                commands.sendAndWait(new RevealKeys(new PackageId(packageId), partner, new ProductId("office"), 1, "en-US",
                        "x64", alice, reveal));
            }
        }
        // The aggregate records an instant earlier than its last change as that change's: decidedAt says which.
        RefundDecision decided = commands.sendAndWait(new RequestCancellation(new PackageId(cancelled), partner,
                "SR-" + random.nextInt(1000), alice, request));
        List<Instant> probes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            probes.add(interesting(random, purchase, deadline));
        }
        return new History(cancelled, twin, purchase, List.copyOf(reveals), decided, probes);
    }

    /** An instant after the purchase, often on a boundary: the purchase, the deadline, or a millisecond either side. */
    static Instant interesting(Random random, Instant purchase, Instant deadline) {
        return switch (random.nextInt(6)) {
            case 0 -> purchase;
            case 1 -> deadline;
            case 2 -> deadline.minusMillis(1);
            case 3 -> deadline.plusMillis(1);
            default -> purchase.plusMillis((long) (random.nextDouble() * Duration.ofDays(40).toMillis()));
        };
    }

    /** A decision as the rule states it; the evidence of twins differs only by the ids of their events. */
    static String comparable(JsonNode decision) {
        StringBuilder text = new StringBuilder().append(decision.get("eligible")).append(' ')
                .append(decision.get("decidedAt").asText()).append(' ').append(decision.get("deadline").asText());
        decision.get("findings").forEach(finding -> text.append(" | ").append(finding.get("condition").asText()).append('=')
                .append(finding.get("holds")).append(": ").append(finding.get("explanation").asText()));
        return text.toString();
    }

    static String replay(String partner, String packageId, Instant at) {
        return "/partners/" + partner + "/audit/packages/" + packageId + "/refund-decision?at=" + at;
    }

    static String projection(String partner, String packageId, Instant at) {
        return "/partners/" + partner + "/packages/" + packageId + "/refund-eligibility?at=" + at;
    }

    void awaitRefundProjectionAtHead() {
        long head = eventStore.createHeadToken().position().orElseThrow();
        StreamingEventProcessor processor = processing
                .eventProcessor(ReadSide.GROUP, StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> processor.processingStatus().size() == 2
                && processor.processingStatus().values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
    }
}
