package io.benefitledger.pkg;

import io.benefitledger.benefit.BenefitKind;
import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.benefit.Unit;

/**
 * A benefit of a package that is activated by assigning a user: one Subscription each. Its id is derived from the
 * package's, so the package can name, when it is cancelled, every subscription to revoke.
 *
 * @param quantity what the subscription holds of its allocation, in {@code unit}
 */
public record AssignableBenefit(SubscriptionId subscriptionId, BenefitKind kind, String allocationId, String name,
                                int quantity, Unit unit) {
}
