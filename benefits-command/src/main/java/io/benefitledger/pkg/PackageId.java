package io.benefitledger.pkg;

import io.benefitledger.Identifiers;

/** A purchased membership benefit package. */
public record PackageId(String value) {

    public PackageId {
        Identifiers.check("package id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
