package io.benefitledger.offer;

import io.benefitledger.Identifiers;

/** A Go-To-Market offer of the program's catalogue. */
public record OfferId(String value) {

    public OfferId {
        Identifiers.check("offer id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
