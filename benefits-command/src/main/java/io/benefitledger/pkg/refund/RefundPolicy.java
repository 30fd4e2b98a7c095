package io.benefitledger.pkg.refund;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The rule that decides whether a package may be cancelled with a refund: the request is made within 30 days
 * of the purchase, and no software benefit of the package has been activated.
 * <p>
 * Each version of the rule that was ever in force is a constant here, in the order they took effect, so that a
 * decision can be re-run years later as it was decided; {@link RefundRules} says which version was in force at an
 * instant. A version is added, never edited, whenever the rule's meaning or its evidence changes.
 * <p>
 * Only facts recorded at or before the instant count, so the rule can be asked about any past instant.
 */
public enum RefundPolicy {

    /** The ledger's first rule: a denial for activated software lists every key reveal made by then. */
    EVERY_REVEAL("refund-rule/1") {
        @Override
        Finding noSoftwareActivated(RefundFacts facts, Instant at) {
            List<Evidence> byThen = facts.softwareActivations().stream()
                    .filter(activation -> activation.happenedBy(at)).toList();
            String explanation = byThen.isEmpty()
                    ? "no license keys of the package have been revealed"
                    : "license keys of the package were revealed (" + byThen.size() + " time"
                      + (byThen.size() == 1 ? "" : "s") + "), which activates its software benefits";
            return new Finding("no-software-activated", byThen.isEmpty(), explanation, byThen);
        }

        @Override
        boolean needsEveryReveal() {
            return true;
        }
    },

    /**
     * Decides as {@link #EVERY_REVEAL} did; a denial names the package's first reveal alone, which settles "no
     * software activated" for every instant from it on, so a package's state no longer grows with every reveal.
     */
    FIRST_REVEAL("refund-rule/2") {
        @Override
        Finding noSoftwareActivated(RefundFacts facts, Instant at) {
            Evidence first = facts.firstSoftwareActivation();
            boolean activated = first != null && first.happenedBy(at);
            return activated
                    ? new Finding("no-software-activated", false, "license keys of the package were revealed at "
                    + first.at() + ", which activates its software benefits", List.of(first))
                    : new Finding("no-software-activated", true, "no license keys of the package have been revealed",
                    List.of());
        }

        @Override
        boolean needsEveryReveal() {
            return false;
        }
    };

    /** "Within 30 days of purchase": 30 × 24 hours after the purchase instant, the boundary included. */
    public static final Duration WINDOW = Duration.ofDays(30);

    private final String version;

    RefundPolicy(String version) {
        this.version = version;
    }

    /** The name recorded with every decision this version takes, e.g. {@code refund-rule/2}. */
    public String version() {
        return version;
    }

    public static RefundPolicy ofVersion(String version) {
        return Arrays.stream(values()).filter(policy -> policy.version.equals(version)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no refund rule is named " + version + "; the rules are "
                        + Arrays.stream(values()).map(RefundPolicy::version).toList()));
    }

    public static Instant deadline(Evidence purchase) {
        return purchase.at().plus(WINDOW);
    }

    public RefundDecision decide(RefundFacts facts, Instant at) {
        if (!facts.purchase().happenedBy(at)) {
            throw new IllegalArgumentException("the package was not yet purchased at " + at);
        }
        Instant deadline = deadline(facts.purchase());
        List<Finding> findings = List.of(
                withinWindow(facts.purchase(), deadline, at),
                noSoftwareActivated(facts, at),
                notCancelled(facts.cancellation(), at));
        boolean eligible = findings.stream().allMatch(Finding::holds);
        return new RefundDecision(eligible, at, deadline, findings, version);
    }

    abstract Finding noSoftwareActivated(RefundFacts facts, Instant at);

    /** Whether this version's evidence needs every reveal made while it is in force, not only the first. */
    abstract boolean needsEveryReveal();

    private static Finding withinWindow(Evidence purchase, Instant deadline, Instant at) {
        boolean holds = !at.isAfter(deadline);
        String explanation = holds
                ? "requested within 30 days of the purchase at " + purchase.at() + "; the window closes at " + deadline
                : "more than 30 days after the purchase at " + purchase.at() + "; the window closed at " + deadline;
        return new Finding("within-30-days-of-purchase", holds, explanation, List.of(purchase));
    }

    private static Finding notCancelled(Evidence cancellation, Instant at) {
        boolean cancelled = cancellation != null && cancellation.happenedBy(at);
        return cancelled
                ? new Finding("not-already-cancelled", false,
                "the package was already cancelled with a refund at " + cancellation.at(), List.of(cancellation))
                : new Finding("not-already-cancelled", true, "the package has not been cancelled", List.of());
    }
}
