package io.benefitledger.catalogue;

import io.benefitledger.pkg.OfferingId;

import java.util.List;
import java.util.Optional;

/**
 * The catalogue as recorded, folded from the offerings' own events ({@link OfferingHistory}) in the caller's
 * transaction, never from an eventually consistent read model: a purchase decides from what is published.
 */
public interface Offerings {

    /** The offering's history; empty when it was never published. */
    Optional<OfferingHistory> find(OfferingId offering);

    /** Every offering ever published, by id. */
    List<OfferingHistory> all();
}
