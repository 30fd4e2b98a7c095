package io.benefitledger.benefit;

import io.benefitledger.Identifiers;

/** One assignable benefit of a package: a Visual Studio seat, a usage-based Azure subscription, a technical benefit. */
public record SubscriptionId(String value) {

    /** Between a package's id and what it holds, in every id derived from a package's. */
    public static final String SEPARATOR = ":";

    public SubscriptionId {
        Identifiers.check("subscription id", value);
    }

    /** The subscription that holds a package's allocation whole: {@code <package>:<allocation>}. */
    public static SubscriptionId of(String packageId, String allocationId) {
        return new SubscriptionId(packageId + SEPARATOR + allocationId);
    }

    /** The {@code seat}-th seat of a package's allocation, from 1: {@code <package>:<allocation>:<seat>}. */
    public static SubscriptionId seat(String packageId, String allocationId, int seat) {
        return new SubscriptionId(packageId + SEPARATOR + allocationId + SEPARATOR + seat);
    }

    @Override
    public String toString() {
        return value;
    }
}
