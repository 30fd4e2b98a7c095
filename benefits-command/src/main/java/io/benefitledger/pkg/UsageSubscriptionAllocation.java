package io.benefitledger.pkg;

import io.benefitledger.Identifiers;

/** A usage-based Azure subscription of a package, activated by the admin who assigns it to themself. */
public record UsageSubscriptionAllocation(String allocationId, String name) {

    public UsageSubscriptionAllocation {
        Identifiers.check("allocation id", allocationId);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the name of a usage-based subscription is required");
        }
    }
}
