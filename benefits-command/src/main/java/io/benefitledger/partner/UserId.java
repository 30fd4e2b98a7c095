package io.benefitledger.partner;

import io.benefitledger.Identifiers;

/** A person acting on the ledger or receiving a benefit. */
public record UserId(String value) {

    public UserId {
        Identifiers.check("user id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
