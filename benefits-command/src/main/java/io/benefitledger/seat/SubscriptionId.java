package io.benefitledger.seat;

import io.benefitledger.Identifiers;

/** One assignable benefit of a package: a Visual Studio seat, a usage-based Azure subscription, a technical benefit. */
public record SubscriptionId(String value) {

    public SubscriptionId {
        Identifiers.check("subscription id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
