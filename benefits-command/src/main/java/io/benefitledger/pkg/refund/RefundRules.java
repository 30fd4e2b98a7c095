package io.benefitledger.pkg.refund;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Which version of the refund rule was in force when: the one place that answers "which rule decides at instant t".
 * The cancellation command, the refund-eligibility projection and the audit replay all decide through it, so a
 * decision as of a past instant is taken by the version that was in force then, whatever version is newest now.
 * <p>
 * Each term runs from its {@code effectiveFrom} until the next term's, so the terms leave no gaps. They name the
 * code's versions in the code's order, beginning with the first, none skipped and none twice: a version that once
 * decided keeps its term. Before the first term no rule was in force.
 */
public record RefundRules(List<Term> terms) {

    /** A version of the rule and the instant it took effect. */
    public record Term(RefundPolicy rule, Instant effectiveFrom) {
        public Term {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(effectiveFrom, "effective from");
        }
    }

    public RefundRules {
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("at least one refund rule must be in force");
        }
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            if (term.rule().ordinal() != i) {
                throw new IllegalArgumentException("refund rule term " + (i + 1) + " names " + term.rule().version()
                        + "; the terms name the rule's versions in order from the first, none skipped: expected "
                        + RefundPolicy.values()[i].version());
            }
            if (i > 0 && !term.effectiveFrom().isAfter(terms.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException(term.rule().version() + " takes effect at " + term.effectiveFrom()
                        + ", not after " + terms.get(i - 1).rule().version() + " at " + terms.get(i - 1).effectiveFrom());
            }
        }
    }

    public static RefundRules of(Term... terms) {
        return new RefundRules(List.of(terms));
    }

    /** The version whose term holds {@code at}: the latest that took effect at or before it. */
    public RefundPolicy inForceAt(Instant at) {
        for (int i = terms.size() - 1; i >= 0; i--) {
            if (!terms.get(i).effectiveFrom().isAfter(at)) {
                return terms.get(i).rule();
            }
        }
        throw new IllegalArgumentException("no refund rule was in force at " + at + "; the first, "
                + terms.get(0).rule().version() + ", took effect at " + terms.get(0).effectiveFrom());
    }

    /** The decision as of {@code at}, taken by the version in force then. */
    public RefundDecision decide(RefundFacts facts, Instant at) {
        return inForceAt(at).decide(facts, at);
    }

    /**
     * Whether a reveal at {@code at} must be kept beside the first: only while a version in force needs every reveal
     * as evidence. A version decides only within its term, and only reveals made by then count, so the reveals made
     * during its term are all it can ask for.
     */
    public boolean keepsEveryRevealAt(Instant at) {
        return inForceAt(at).needsEveryReveal();
    }
}
