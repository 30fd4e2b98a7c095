package io.benefitledger.partner;

import io.benefitledger.Identifiers;

/** A partner company (a tenant of the ledger). */
public record PartnerId(String value) {

    public PartnerId {
        Identifiers.check("partner id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
