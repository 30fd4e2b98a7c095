package io.benefitledger.pkg.refund;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefundRulesTest {

    static final Instant LEDGER_START = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant SECOND_RULE_FROM = Instant.parse("2026-11-26T01:54:18Z");
    static final RefundRules RULES = RefundRules.of(new RefundRules.Term(RefundPolicy.EVERY_REVEAL, LEDGER_START),
            new RefundRules.Term(RefundPolicy.FIRST_REVEAL, SECOND_RULE_FROM));

    record Timeline(RefundRules rules, Instant asked) {
    }

    @Property
    void the_rule_in_force_at_an_instant_is_the_one_that_took_effect_last_at_or_before_it(
            @ForAll("timelines") Timeline timeline) {
        List<RefundRules.Term> started = timeline.rules().terms().stream()
                .filter(term -> !term.effectiveFrom().isAfter(timeline.asked())).toList();
        if (started.isEmpty()) {
            assertThatThrownBy(() -> timeline.rules().inForceAt(timeline.asked()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no refund rule was in force");
        } else {
            RefundRules.Term latest = started.stream().max(Comparator.comparing(RefundRules.Term::effectiveFrom)).orElseThrow();
            assertThat(timeline.rules().inForceAt(timeline.asked())).isEqualTo(latest.rule());
        }
    }

    @Provide
    Arbitrary<Timeline> timelines() {
        Arbitrary<Instant> first = Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond);
        Arbitrary<Long> gap = Arbitraries.longs().between(1, 400L * 24 * 3600 * 1000);
        Arbitrary<Integer> terms = Arbitraries.integers().between(1, RefundPolicy.values().length);
        Arbitrary<Long> offset = Arbitraries.longs().between(-2L * 24 * 3600 * 1000, 900L * 24 * 3600 * 1000)
                .edgeCases(edges -> edges.includeOnly(0L, -1L, 1L));
        return Combinators.combine(first, gap.list().ofSize(RefundPolicy.values().length), terms, offset)
                .as((start, gaps, count, askedOffset) -> {
                    List<RefundRules.Term> timeline = new java.util.ArrayList<>();
                    Instant from = start;
                    for (int i = 0; i < count; i++) {
                        timeline.add(new RefundRules.Term(RefundPolicy.values()[i], from));
                        from = from.plusMillis(gaps.get(i));
                    }
                    // Ask near one of the terms' starts, where an off-by-one would show.
                    Instant near = timeline.get((int) Math.floorMod(askedOffset, (long) count)).effectiveFrom();
                    return new Timeline(new RefundRules(timeline), near.plusMillis(askedOffset % 3 == 0 ? askedOffset : askedOffset % 2));
                });
    }

    @Example
    void a_term_starting_at_or_before_the_one_before_it_is_refused_at_start() {
        assertThatThrownBy(() -> RefundRules.of(new RefundRules.Term(RefundPolicy.EVERY_REVEAL, SECOND_RULE_FROM),
                new RefundRules.Term(RefundPolicy.FIRST_REVEAL, SECOND_RULE_FROM)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refund-rule/2 takes effect at 2026-11-26T01:54:18Z, not after refund-rule/1 at 2026-11-26T01:54:18Z");
    }

    @Example
    void terms_that_skip_the_first_version_are_refused_at_start() {
        assertThatThrownBy(() -> RefundRules.of(new RefundRules.Term(RefundPolicy.FIRST_REVEAL, LEDGER_START)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected refund-rule/1");
    }

    @Example
    void a_version_the_code_does_not_have_is_refused() {
        assertThatThrownBy(() -> RefundPolicy.ofVersion("refund-rule/9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no refund rule is named refund-rule/9; the rules are [refund-rule/1, refund-rule/2]");
    }

    @Example
    void no_terms_at_all_are_refused() {
        assertThatThrownBy(() -> new RefundRules(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void reveals_after_the_first_are_kept_while_refund_rule_1_is_in_force_and_no_longer_after() {
        RefundFacts facts = RefundFacts.fold(null, RefundHistories.purchased(SECOND_RULE_FROM.minus(Duration.ofDays(5))),
                "p", 0, RULES);
        facts = RefundFacts.fold(facts, RefundHistories.revealed(SECOND_RULE_FROM.minus(Duration.ofDays(4))), "r1", 1, RULES);
        facts = RefundFacts.fold(facts, RefundHistories.revealed(SECOND_RULE_FROM.minusMillis(1)), "r2", 2, RULES);
        facts = RefundFacts.fold(facts, RefundHistories.revealed(SECOND_RULE_FROM), "r3", 3, RULES);
        assertThat(facts.softwareActivations()).extracting(Evidence::eventId).containsExactly("r1", "r2");
    }

    @Example
    void the_two_versions_take_the_same_decision_and_differ_only_in_the_evidence_of_activated_software() {
        Evidence purchase = new Evidence("p", "PackagePurchased", LEDGER_START, 0);
        Evidence first = new Evidence("r1", "KeysRevealed", LEDGER_START.plus(Duration.ofDays(1)), 1);
        Evidence second = new Evidence("r2", "KeysRevealed", LEDGER_START.plus(Duration.ofDays(2)), 2);
        RefundFacts facts = new RefundFacts(purchase, first, List.of(second), null);
        Instant at = LEDGER_START.plus(Duration.ofDays(3));

        RefundDecision byFirst = RefundPolicy.EVERY_REVEAL.decide(facts, at);
        RefundDecision bySecond = RefundPolicy.FIRST_REVEAL.decide(facts, at);

        assertThat(byFirst.eligible()).isFalse();
        assertThat(bySecond.eligible()).isFalse();
        assertThat(byFirst.ruleVersion()).isEqualTo("refund-rule/1");
        assertThat(bySecond.ruleVersion()).isEqualTo("refund-rule/2");
        assertThat(byFirst.findings().get(1)).isEqualTo(new Finding("no-software-activated", false,
                "license keys of the package were revealed (2 times), which activates its software benefits",
                List.of(first, second)));
        assertThat(bySecond.findings().get(1)).isEqualTo(new Finding("no-software-activated", false,
                "license keys of the package were revealed at " + first.at() + ", which activates its software benefits",
                List.of(first)));
        assertThat(byFirst.findings().get(0)).isEqualTo(bySecond.findings().get(0));
        assertThat(byFirst.findings().get(2)).isEqualTo(bySecond.findings().get(2));
        assertThat(RefundPolicy.EVERY_REVEAL.decide(facts, first.at().minusMillis(1)).findings().get(1))
                .isEqualTo(new Finding("no-software-activated", true, "no license keys of the package have been revealed",
                        List.of()));
        assertThat(RefundPolicy.EVERY_REVEAL.decide(facts, first.at()).findings().get(1).explanation())
                .isEqualTo("license keys of the package were revealed (1 time), which activates its software benefits");
    }

    @Example
    void a_decision_is_taken_by_the_version_in_force_at_its_instant() {
        Evidence purchase = new Evidence("p", "PackagePurchased", SECOND_RULE_FROM.minus(Duration.ofDays(1)), 0);
        RefundFacts facts = new RefundFacts(purchase, null, List.of(), null);
        assertThat(RULES.decide(facts, SECOND_RULE_FROM.minusMillis(1)).ruleVersion()).isEqualTo("refund-rule/1");
        assertThat(RULES.decide(facts, SECOND_RULE_FROM).ruleVersion()).isEqualTo("refund-rule/2");
    }

    @Example
    void a_version_is_found_by_the_name_its_decisions_record() {
        assertThat(RefundPolicy.ofVersion("refund-rule/1")).isEqualTo(RefundPolicy.EVERY_REVEAL);
        assertThat(RefundPolicy.ofVersion("refund-rule/2")).isEqualTo(RefundPolicy.FIRST_REVEAL);
    }

    @Example
    void after_the_window_and_a_refunded_cancellation_both_findings_say_why_with_their_evidence() {
        RefundRules rules = RefundRules.of(new RefundRules.Term(RefundPolicy.EVERY_REVEAL, LEDGER_START));
        Evidence purchase = new Evidence("p", "PackagePurchased", LEDGER_START, 0);
        Evidence cancellation = new Evidence("c", "PackageCancelled", LEDGER_START.plus(Duration.ofDays(1)), 1);
        Instant deadline = LEDGER_START.plus(Duration.ofDays(30));

        RefundDecision decision = rules.decide(new RefundFacts(purchase, null, List.of(), cancellation),
                deadline.plusMillis(1));

        assertThat(decision.reasons()).containsExactly(
                new Finding("within-30-days-of-purchase", false, "more than 30 days after the purchase at " + LEDGER_START
                        + "; the window closed at " + deadline, List.of(purchase)),
                new Finding("not-already-cancelled", false, "the package was already cancelled with a refund at "
                        + cancellation.at(), List.of(cancellation)));
        assertThat(rules.decide(new RefundFacts(purchase, null, List.of(), null), deadline).findings().get(0).explanation())
                .isEqualTo("requested within 30 days of the purchase at " + LEDGER_START + "; the window closes at " + deadline);
    }
}
