package io.benefitledger.pkg.refund;

import io.benefitledger.pkg.refund.RefundHistories.Asked;
import io.benefitledger.pkg.refund.RefundHistories.History;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What the refund rule decides, for every version and any history, stated in the domain's words. */
class RefundPolicyPropertiesTest {

    @Property
    void a_package_with_no_reveal_and_no_cancellation_is_eligible_exactly_until_its_deadline(
            @ForAll("untouched") Asked asked) {
        assertThat(decide(asked).eligible()).isEqualTo(!asked.at().isAfter(asked.history().deadline()));
    }

    @Property
    void any_reveal_at_or_before_an_instant_makes_the_package_ineligible_at_it(
            @ForAll("afterAReveal") Asked asked) {
        RefundDecision decision = decide(asked);
        assertThat(decision.eligible()).isFalse();
        assertThat(decision.reasons()).extracting(Finding::condition).contains("no-software-activated");
    }

    @Property
    void a_refunded_cancellation_at_or_before_an_instant_makes_the_package_ineligible_at_it(
            @ForAll("afterACancellation") Asked asked) {
        RefundDecision decision = decide(asked);
        assertThat(decision.eligible()).isFalse();
        assertThat(decision.reasons()).extracting(Finding::condition).contains("not-already-cancelled");
    }

    @Property
    void eligible_exactly_within_the_window_before_any_reveal_and_any_cancellation(@ForAll("asked") Asked asked) {
        History history = asked.history();
        Instant at = asked.at();
        boolean expected = !at.isAfter(history.deadline())
                && history.reveals().stream().allMatch(reveal -> reveal.at().isAfter(at))
                && history.cancellation().map(cancelled -> cancelled.at().isAfter(at)).orElse(true);
        assertThat(decide(asked).eligible()).isEqualTo(expected);
    }

    @Property
    void once_ineligible_a_package_stays_ineligible(@ForAll("asked") Asked asked,
                                                    @ForAll("millis") long millisLater) {
        RefundFacts facts = asked.history().facts();
        RefundRules rules = asked.history().rules();
        if (!rules.decide(facts, asked.at()).eligible()) {
            assertThat(rules.decide(facts, asked.at().plusMillis(millisLater)).eligible()).isFalse();
        }
    }

    @Property
    void the_deadline_is_30_days_after_the_purchase_whatever_else_happened(@ForAll("asked") Asked asked) {
        History history = asked.history();
        Instant purchasedAt = history.purchase().at();
        RefundFacts onlyThePurchase = RefundFacts.fold(null, history.purchase(), "p", 0, history.rules());
        assertThat(decide(asked).deadline()).isEqualTo(purchasedAt.plusSeconds(30L * 24 * 3600))
                .isEqualTo(history.rules().decide(onlyThePurchase, asked.at()).deadline());
    }

    @Property
    void eligible_exactly_when_no_finding_stands_against_it_and_every_condition_is_reported(
            @ForAll("asked") Asked asked) {
        RefundDecision decision = decide(asked);
        assertThat(decision.findings()).extracting(Finding::condition)
                .containsExactly("within-30-days-of-purchase", "no-software-activated", "not-already-cancelled");
        assertThat(decision.eligible()).isEqualTo(decision.reasons().isEmpty());
        assertThat(decision.decidedAt()).isEqualTo(asked.at());
    }

    @Property
    void a_decision_rests_only_on_events_recorded_by_its_instant(@ForAll("asked") Asked asked) {
        assertThat(decide(asked).findings()).flatExtracting(Finding::evidence)
                .allSatisfy(evidence -> assertThat(evidence.at()).isBeforeOrEqualTo(asked.at()));
    }

    @Property
    void the_version_in_force_at_the_instant_decides(@ForAll("asked") Asked asked) {
        assertThat(decide(asked).ruleVersion()).isEqualTo(asked.history().rules().inForceAt(asked.at()).version());
    }

    @Property
    void every_version_takes_the_same_decision_and_they_differ_only_in_the_evidence_of_activated_software(
            @ForAll("asked") Asked asked) {
        RefundFacts facts = asked.history().facts();
        List<RefundDecision> decisions = List.of(RefundPolicy.values()).stream()
                .map(policy -> policy.decide(facts, asked.at())).toList();
        assertThat(decisions).extracting(RefundDecision::eligible).containsOnly(decisions.get(0).eligible());
        assertThat(decisions).extracting(decision -> decision.findings().get(0)).containsOnly(decisions.get(0).findings().get(0));
        assertThat(decisions).extracting(decision -> decision.findings().get(1).holds())
                .containsOnly(decisions.get(0).findings().get(1).holds());
        assertThat(decisions).extracting(decision -> decision.findings().get(2)).containsOnly(decisions.get(0).findings().get(2));
    }

    @Property
    void refund_rule_2_names_the_first_reveal_and_refund_rule_1_every_reveal_kept_by_then(
            @ForAll("asked") Asked asked) {
        RefundFacts facts = asked.history().facts();
        List<Evidence> byThen = facts.softwareActivations().stream()
                .filter(reveal -> !reveal.at().isAfter(asked.at())).toList();
        assertThat(RefundPolicy.EVERY_REVEAL.decide(facts, asked.at()).findings().get(1).evidence()).isEqualTo(byThen);
        assertThat(RefundPolicy.FIRST_REVEAL.decide(facts, asked.at()).findings().get(1).evidence())
                .isEqualTo(byThen.stream().limit(1).toList());
    }

    @Property
    void every_version_refuses_to_decide_before_the_purchase(@ForAll("asked") Asked asked,
                                                             @ForAll("millis") long millisBefore) {
        Instant before = asked.history().purchase().at().minusMillis(Math.max(1, millisBefore));
        for (RefundPolicy policy : RefundPolicy.values()) {
            assertThatIllegalArgumentException().isThrownBy(() -> policy.decide(asked.history().facts(), before))
                    .withMessage("the package was not yet purchased at " + before);
        }
    }

    private static RefundDecision decide(Asked asked) {
        return asked.history().rules().decide(asked.history().facts(), asked.at());
    }

    /** Half of them of packages never activated nor refunded, whose decision turns on the window alone. */
    @Provide
    Arbitrary<Asked> asked() {
        return Arbitraries.oneOf(RefundHistories.askedAnyTime(), RefundHistories.askedOfUntouchedPackages());
    }

    @Provide
    Arbitrary<Asked> untouched() {
        return RefundHistories.askedOfUntouchedPackages();
    }

    @Provide
    Arbitrary<Asked> afterAReveal() {
        return RefundHistories.askedAfterAReveal();
    }

    @Provide
    Arbitrary<Asked> afterACancellation() {
        return RefundHistories.askedAfterACancellation();
    }

    @Provide
    Arbitrary<Long> millis() {
        return RefundHistories.later();
    }
}
