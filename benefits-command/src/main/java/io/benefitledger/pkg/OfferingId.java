package io.benefitledger.pkg;

import io.benefitledger.Identifiers;

/**
 * An offering of the program's catalogue ({@code action-pack}, {@code silver-core}): what a partner buys. Defined here,
 * beside the package, because a package records the offering it was bought from and a renewal continues the year of
 * the same offering; the catalogue, which publishes offerings, builds on packages' allocations.
 */
public record OfferingId(String value) {

    public OfferingId {
        Identifiers.check("offering id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
