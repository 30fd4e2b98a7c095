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
import io.benefitledger.pkg.refund.RefundRules;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Decisions taken on either side of a change of the refund rule's version, as configured for the service
 * ({@code ledger.refund-rules}), are re-run by the auditor's replay and by the refund-eligibility projection exactly
 * as they were decided: each by the version in force at its instant, with that version's evidence.
 */
@LedgerIntegrationTest
class RefundRuleHistoryTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CommandGateway commands;
    @Autowired
    RefundRules rules;
    @Autowired
    ObjectMapper json;


    @Test
    void a_replay_across_a_rule_version_change_reproduces_both_decisions_as_they_were_decided() throws Exception {
        Instant change = rules.terms().stream().filter(term -> term.rule() == RefundPolicy.FIRST_REVEAL)
                .findFirst().orElseThrow().effectiveFrom();
        String partnerId = "rule-history-" + UUID.randomUUID();
        LedgerClient alice = LedgerClient.operator(http).registerPartner(partnerId, "");
        PartnerId partner = new PartnerId(partnerId);
        PackageId pkg = new PackageId("across-the-change");
        UserId user = new UserId("alice");
        ProductId office = new ProductId("office");
        commands.sendAndWait(new PurchasePackage(pkg, partner, "Action Pack", Allocations.software(List.of(
                new LicensedProduct(office, "Office", 10, List.of("en-US"), List.of("x64"), "https://dl.example/{language}/{os}",
                        ""))), user, change.minus(Duration.ofDays(10)), new OfferingId("action-pack"), 1, null));
        for (Instant reveal : List.of(change.minus(Duration.ofDays(9)), change.minus(Duration.ofDays(8)))) {
            commands.sendAndWait(new RevealKeys(pkg, partner, office, 1, "en-US", "x64", user, reveal));
        }
        RefundDecision beforeChange = commands.sendAndWait(
                new RequestCancellation(pkg, partner, "SR-1", user, change.minusMillis(1)));
        // A reveal once refund-rule/2 is in force, which no version needs beside the first.
        commands.sendAndWait(new RevealKeys(pkg, partner, office, 1, "en-US", "x64", user, change.plus(Duration.ofHours(1))));
        RefundDecision afterChange = commands.sendAndWait(
                new RequestCancellation(pkg, partner, "SR-2", user, change.plus(Duration.ofDays(1))));

        assertThat(beforeChange.ruleVersion()).isEqualTo("refund-rule/1");
        assertThat(beforeChange.reasons().get(0).evidence()).extracting("sequenceNumber").containsExactly(1L, 2L);
        assertThat(afterChange.ruleVersion()).isEqualTo("refund-rule/2");
        assertThat(afterChange.reasons().get(0).evidence()).extracting("sequenceNumber").containsExactly(1L);

        JsonNode recorded = alice.get("/partners/" + partnerId + "/audit/events?aggregate=" + pkg.value());
        List<JsonNode> denials = recorded.findValues("decision");
        assertThat(denials).hasSize(2);
        for (int i = 0; i < 2; i++) {
            RefundDecision decided = List.of(beforeChange, afterChange).get(i);
            // Read back from text, as the answers are: valueToTree keeps longs as LongNode, a parser reads IntNode.
            JsonNode asDecided = json.readTree(json.writeValueAsString(decided));
            assertThat(denials.get(i)).as("the denial recorded in the event store").isEqualTo(asDecided);
            assertThat(alice.get("/partners/" + partnerId + "/audit/packages/" + pkg.value() + "/refund-decision?at="
                    + decided.decidedAt())).as("the auditor's replay at " + decided.decidedAt()).isEqualTo(asDecided);
            String projection = "/partners/" + partnerId + "/packages/" + pkg.value() + "/refund-eligibility?at="
                    + decided.decidedAt();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(alice.get(projection))
                    .as("the refund-eligibility projection at " + decided.decidedAt()).isEqualTo(asDecided));
        }
    }
}
