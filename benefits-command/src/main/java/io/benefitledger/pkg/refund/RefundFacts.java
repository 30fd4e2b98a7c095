package io.benefitledger.pkg.refund;

import java.util.Objects;

/**
 * What the refund rule looks at in a package's history: its purchase, the first activation of a software benefit
 * (the first key reveal) and a refunded cancellation. The aggregate, the projection and the audit replay each fold
 * their events into this and ask {@link RefundPolicy} for the decision.
 * <p>
 * Only the first reveal is kept: from its instant on, "no software activated" fails whatever comes after, and before
 * it no reveal had happened, so later reveals never change a decision. Keeping each of them made a package that
 * reveals keys for years carry every reveal in its state, and load, snapshot and replay ever more slowly.
 *
 * @param firstSoftwareActivation null while no key of the package was revealed
 * @param cancellation            null unless the package was cancelled with a refund
 */
public record RefundFacts(Evidence purchase, Evidence firstSoftwareActivation, Evidence cancellation) {

    public RefundFacts {
        Objects.requireNonNull(purchase, "purchase");
    }

    public static RefundFacts purchasedBy(Evidence purchase) {
        return new RefundFacts(purchase, null, null);
    }

    public RefundFacts withSoftwareActivated(Evidence reveal) {
        return firstSoftwareActivation != null ? this : new RefundFacts(purchase, reveal, cancellation);
    }

    public RefundFacts withCancellation(Evidence refundedCancellation) {
        return new RefundFacts(purchase, firstSoftwareActivation, refundedCancellation);
    }
}
