package io.benefitledger.benefit;

import io.benefitledger.Identifiers;

/** A Go-To-Market offer: granted by a package, and, like its other benefits, cancellable on its own. */
public record OfferId(String value) {

    public OfferId {
        Identifiers.check("offer id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
