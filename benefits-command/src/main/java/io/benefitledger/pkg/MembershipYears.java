package io.benefitledger.pkg;

import io.benefitledger.partner.PartnerId;

import java.time.Instant;
import java.util.Optional;

/**
 * The membership years a purchase may renew, read in the purchase's own transaction (never from an eventually
 * consistent read model): a purchase of the same offering by the same partner while a year is renewable continues it.
 */
public interface MembershipYears {

    /** A package whose year a purchase renews, and that year's anniversary, where the renewed year begins. */
    record Renewable(PackageId packageId, Instant anniversary) {
    }

    /**
     * The package of {@code offering} whose year is renewable at {@code at}, not yet renewed, refunded or expired
     * (the earliest anniversary first, should a partner hold several).
     */
    Optional<Renewable> renewable(PartnerId partner, String offering, Instant at);

    /**
     * How many packages of {@code offering} the partner holds whose membership year overlaps {@code year}, refunded
     * ones not counted. Asked in the purchase's transaction, of an offering with a limit; the partner's purchases of
     * that offering take turns from this question until the transaction ends, so two at once are counted one after the
     * other, on any node. A purchase of an offering without a limit waits for no other, unless it renews a year.
     */
    int heldDuring(PartnerId partner, String offering, MembershipYear year);
}
