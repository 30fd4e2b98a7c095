package io.benefitledger.pkg.refund;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the refund rule looks at in a package's history: its purchase, every activation of a software benefit
 * (a key reveal) and a refunded cancellation. The aggregate, the projection and the audit replay each fold their
 * events into this and ask {@link RefundPolicy} for the decision.
 */
public record RefundFacts(Evidence purchase, List<Evidence> softwareActivations, Evidence cancellation) {

    public RefundFacts {
        Objects.requireNonNull(purchase, "purchase");
        softwareActivations = List.copyOf(softwareActivations);
    }

    public static RefundFacts purchasedBy(Evidence purchase) {
        return new RefundFacts(purchase, List.of(), null);
    }

    public RefundFacts withSoftwareActivated(Evidence reveal) {
        List<Evidence> activations = new ArrayList<>(softwareActivations);
        activations.add(reveal);
        return new RefundFacts(purchase, activations, cancellation);
    }

    public RefundFacts withCancellation(Evidence refundedCancellation) {
        return new RefundFacts(purchase, softwareActivations, refundedCancellation);
    }
}
