package io.benefitledger.pkg.refund;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the refund rule looks at in a package's history: its purchase, the activations of its software benefits
 * (key reveals) and a refunded cancellation. The aggregate, the projection and the audit replay each fold their
 * events into this and ask {@link RefundRules} for the decision.
 * <p>
 * The first reveal is always kept: from its instant on, "no software activated" fails whatever comes after. Later
 * reveals are kept only while a rule version that lists every reveal as evidence is in force
 * ({@link RefundRules#keepsEveryRevealAt}); keeping every one made a package that reveals keys for years carry every
 * reveal in its state, and load, snapshot and replay ever more slowly.
 *
 * @param firstSoftwareActivation null while no key of the package was revealed
 * @param laterSoftwareActivations the reveals after the first that a rule version in force at their instant needs
 * @param cancellation            null unless the package was cancelled with a refund
 */
public record RefundFacts(Evidence purchase, Evidence firstSoftwareActivation, List<Evidence> laterSoftwareActivations,
                          Evidence cancellation) {

    public RefundFacts {
        Objects.requireNonNull(purchase, "purchase");
        laterSoftwareActivations = List.copyOf(laterSoftwareActivations);
    }

    public static RefundFacts purchasedBy(Evidence purchase) {
        return new RefundFacts(purchase, null, List.of(), null);
    }

    public RefundFacts withSoftwareActivated(Evidence reveal, RefundRules rules) {
        if (firstSoftwareActivation == null) {
            return new RefundFacts(purchase, reveal, laterSoftwareActivations, cancellation);
        }
        if (!rules.keepsEveryRevealAt(reveal.at())) {
            return this;
        }
        List<Evidence> later = new ArrayList<>(laterSoftwareActivations);
        later.add(reveal);
        return new RefundFacts(purchase, firstSoftwareActivation, later, cancellation);
    }

    public RefundFacts withCancellation(Evidence refundedCancellation) {
        return new RefundFacts(purchase, firstSoftwareActivation, laterSoftwareActivations, refundedCancellation);
    }

    /** Every reveal kept, the first first. */
    public List<Evidence> softwareActivations() {
        return firstSoftwareActivation == null ? List.of()
                : Stream.concat(Stream.of(firstSoftwareActivation), laterSoftwareActivations.stream()).toList();
    }
}
