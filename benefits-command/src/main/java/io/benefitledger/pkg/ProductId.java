package io.benefitledger.pkg;

import io.benefitledger.Identifiers;

/** A licensed software product (or license-based cloud subscription) within a package. */
public record ProductId(String value) {

    public ProductId {
        Identifiers.check("product id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
