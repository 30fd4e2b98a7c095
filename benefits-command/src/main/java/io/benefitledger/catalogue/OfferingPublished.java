package io.benefitledger.catalogue;

import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.OfferingId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Version {@code version} of an offering was published with these contents; it is the one bought from now on. */
@Revision("1")
public record OfferingPublished(OfferingId offeringId, int version, OfferingContents contents, UserId publishedBy,
                                Instant at) {
}
