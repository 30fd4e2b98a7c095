package io.benefitledger.pkg;

/**
 * How many packages of one offering a partner may hold per membership year (the program's "one Action Pack per
 * partner per membership year"): packages whose years overlap count against each other, a renewal, whose year begins
 * at the anniversary of the one it continues, does not. A refunded package no longer counts.
 */
public record PurchaseLimit(int perMembershipYear) {

    public PurchaseLimit {
        if (perMembershipYear < 1) {
            throw new IllegalArgumentException("a purchase limit allows at least one package per membership year");
        }
    }
}
