package io.benefitledger.offer;

/** Where an offer stands. An active offer is expired once {@link OfferExpired} is recorded at its expiry. */
public enum OfferStatus {
    GRANTED, PENDING, ACTIVE, EXPIRED, WITHDRAWN;

    /** Whether the offer can no longer be used: a package granting it again grants it anew. */
    boolean isOver() {
        return this == EXPIRED || this == WITHDRAWN;
    }
}
