package io.benefitledger.pkg.refund;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rule that decides whether a package may be cancelled with a refund: the request is made within 30 days
 * of the purchase, and no software benefit of the package has been activated.
 * <p>
 * This is the only place the rule is written. The {@code BenefitPackage} aggregate applies it when it decides a
 * cancellation, the refund-eligibility projection applies it to answer queries, and the audit replay applies it
 * to a history cut at a past instant; all three therefore give the same answer for the same history and instant.
 * <p>
 * Only facts recorded at or before the instant count, so the rule can be asked about any past instant.
 */
public final class RefundPolicy {

    /**
     * Bumped whenever the rule's meaning or its evidence changes; recorded with every decision. 2: a reveal is
     * evidenced by the package's first reveal alone (1 listed every reveal); every decision is the same.
     */
    public static final String VERSION = "refund-rule/2";

    /** "Within 30 days of purchase": 30 × 24 hours after the purchase instant, the boundary included. */
    public static final Duration WINDOW = Duration.ofDays(30);

    private RefundPolicy() {
    }

    public static Instant deadline(Evidence purchase) {
        return purchase.at().plus(WINDOW);
    }

    public static RefundDecision decide(RefundFacts facts, Instant at) {
        if (!facts.purchase().happenedBy(at)) {
            throw new IllegalArgumentException("the package was not yet purchased at " + at);
        }
        Instant deadline = deadline(facts.purchase());
        List<Finding> findings = List.of(
                withinWindow(facts.purchase(), deadline, at),
                noSoftwareActivated(facts.firstSoftwareActivation(), at),
                notCancelled(facts.cancellation(), at));
        boolean eligible = findings.stream().allMatch(Finding::holds);
        return new RefundDecision(eligible, at, deadline, findings, VERSION);
    }

    private static Finding withinWindow(Evidence purchase, Instant deadline, Instant at) {
        boolean holds = !at.isAfter(deadline);
        String explanation = holds
                ? "requested within 30 days of the purchase at " + purchase.at() + "; the window closes at " + deadline
                : "more than 30 days after the purchase at " + purchase.at() + "; the window closed at " + deadline;
        return new Finding("within-30-days-of-purchase", holds, explanation, List.of(purchase));
    }

    private static Finding noSoftwareActivated(Evidence firstActivation, Instant at) {
        boolean activated = firstActivation != null && firstActivation.happenedBy(at);
        return activated
                ? new Finding("no-software-activated", false, "license keys of the package were revealed at "
                + firstActivation.at() + ", which activates its software benefits", List.of(firstActivation))
                : new Finding("no-software-activated", true, "no license keys of the package have been revealed", List.of());
    }

    private static Finding notCancelled(Evidence cancellation, Instant at) {
        boolean cancelled = cancellation != null && cancellation.happenedBy(at);
        return cancelled
                ? new Finding("not-already-cancelled", false,
                "the package was already cancelled with a refund at " + cancellation.at(), List.of(cancellation))
                : new Finding("not-already-cancelled", true, "the package has not been cancelled", List.of());
    }
}
